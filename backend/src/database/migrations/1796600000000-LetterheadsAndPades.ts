import type { MigrationInterface, QueryRunner } from 'typeorm';
import { defaultGoverningBody, defaultHeadTitle, defaultShortName, defaultSignAuthority } from '../../org/letterhead-defaults.js';

/**
 * Letterheads from data (governing body, short name, head's title, TM./TL. line) on org units, the
 * signer's position on users, and the official signed PDFs (PAdES): each signature appends an
 * incremental update, stored as a new row; rows are never updated or deleted (a trigger refuses).
 */
export class LetterheadsAndPades1796600000000 implements MigrationInterface {
  name = 'LetterheadsAndPades1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE org_unit ADD COLUMN governing_body text, ADD COLUMN short_name text,
      ADD COLUMN head_title text, ADD COLUMN sign_authority text`);
    await q.query(`ALTER TABLE app_user ADD COLUMN position text`);
    // Fill the defaults on an existing tree, parents first (the path orders them).
    const rows: { id: string; name: string; kind: string; placeName: string | null; parentId: string | null }[] = await q.query(
      `SELECT id, name, kind, place_name AS "placeName", parent_id AS "parentId" FROM org_unit ORDER BY nlevel(path)`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const r of rows) {
      const parent = r.parentId ? (byId.get(r.parentId) ?? null) : null;
      await q.query(`UPDATE org_unit SET governing_body = $2, short_name = $3, head_title = $4, sign_authority = $5 WHERE id = $1`, [
        r.id,
        defaultGoverningBody(r, parent),
        defaultShortName(r),
        defaultHeadTitle(r.kind),
        defaultSignAuthority(r.kind),
      ]);
    }
    await q.query(`
      CREATE TABLE official_pdf (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES submission(id),
        seq int NOT NULL,
        kind text NOT NULL CHECK (kind IN ('signer', 'seal')),
        content_hash text NOT NULL,
        provider text NOT NULL,
        signer_name text NOT NULL,
        signed_by uuid REFERENCES app_user(id),
        signed_at timestamptz NOT NULL,
        test_only boolean NOT NULL,
        pdf bytea NOT NULL,
        sha256 text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (submission_id, seq)
      )`);
    await q.query(`
      CREATE FUNCTION official_pdf_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'official_pdf is append-only: the signed record of a submission is never changed';
      END $$`);
    // A USB-token signature in the browser is made in two requests: the prepared PDF waits here.
    await q.query(`
      CREATE TABLE pending_pdf_signature (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES submission(id),
        content_hash text NOT NULL,
        signer_name text NOT NULL,
        signed_by uuid NOT NULL REFERENCES app_user(id),
        signed_at timestamptz NOT NULL,
        placeholder_pdf bytea NOT NULL,
        signed_attrs bytea NOT NULL,
        certificates jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE TRIGGER official_pdf_no_change BEFORE UPDATE OR DELETE ON official_pdf
      FOR EACH ROW EXECUTE FUNCTION official_pdf_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pending_pdf_signature`);
    await q.query(`DROP TABLE official_pdf`);
    await q.query(`DROP FUNCTION official_pdf_immutable()`);
    await q.query(`ALTER TABLE app_user DROP COLUMN position`);
    await q.query(`ALTER TABLE org_unit DROP COLUMN governing_body, DROP COLUMN short_name, DROP COLUMN head_title, DROP COLUMN sign_authority`);
  }
}
