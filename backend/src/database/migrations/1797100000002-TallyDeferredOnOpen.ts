import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Opening a national round inserts ~100,000 submissions batch by batch in one transaction: the insert
 * trigger would spread each batch over the tree again (a scan of the org tree per batch). The opener sets
 * `bdg.tally_deferred` for its own transaction (SET LOCAL) and rebuilds the round's tallies once at the end;
 * every other insert keeps the trigger.
 */
export class TallyDeferredOnOpen1797100000002 implements MigrationInterface {
  name = 'TallyDeferredOnOpen1797100000002';

  async up(q: QueryRunner): Promise<void> {
    const [{ body }] = await q.query(`SELECT pg_get_functiondef('round_tally_on_insert()'::regprocedure) AS body`);
    const deferred = String(body).replace(
      /BEGIN/,
      `BEGIN\n        IF current_setting('bdg.tally_deferred', true) = 'on' THEN RETURN NULL; END IF;`,
    );
    await q.query(deferred);
  }

  async down(q: QueryRunner): Promise<void> {
    const [{ body }] = await q.query(`SELECT pg_get_functiondef('round_tally_on_insert()'::regprocedure) AS body`);
    await q.query(String(body).replace(/\n\s*IF current_setting\('bdg\.tally_deferred', true\) = 'on' THEN RETURN NULL; END IF;/, ''));
  }
}
