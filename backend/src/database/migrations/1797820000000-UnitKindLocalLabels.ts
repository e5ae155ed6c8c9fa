import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A province's own names for unit kinds: kinds are shared codes (flows and rounds are keyed by them), so the national
 * label stays in unit_kind and an admin below the top names a kind for their unit's subtree here (a Sở for its
 * province). Users see the label of the nearest unit above them that named the kind, else the national one.
 */
export class UnitKindLocalLabels1797820000000 implements MigrationInterface {
  name = 'UnitKindLocalLabels1797820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE unit_kind_label (
        owner_unit_id uuid NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
        code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,40}$'),
        label text NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 100),
        updated_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (owner_unit_id, code)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE unit_kind_label`);
  }
}
