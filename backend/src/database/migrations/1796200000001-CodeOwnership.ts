import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A template or flow code belongs to the unit that created it. One row per code holds its owner
 * (the primary key makes two units creating the same new code at once end in one success and one
 * refusal), and a composite foreign key makes every version of a code carry that same owner, so
 * no later version can move a code to another province.
 */
export class CodeOwnership1796200000001 implements MigrationInterface {
  name = 'CodeOwnership1796200000001';

  async up(q: QueryRunner): Promise<void> {
    for (const kind of ['template', 'flow']) {
      await q.query(`
        CREATE TABLE ${kind}_code (
          code text PRIMARY KEY,
          owner_unit_id uuid REFERENCES org_unit(id),
          created_at timestamptz NOT NULL DEFAULT now(),
          UNIQUE (code, owner_unit_id)
        )`);
      // The owner of a code is the owner of its first version; later versions taken by another unit return to it.
      await q.query(`
        INSERT INTO ${kind}_code (code, owner_unit_id)
        SELECT DISTINCT ON (code) code, owner_unit_id FROM ${kind}_version ORDER BY code, version`);
      await q.query(`
        UPDATE ${kind}_version v SET owner_unit_id = c.owner_unit_id
          FROM ${kind}_code c WHERE c.code = v.code AND v.owner_unit_id IS DISTINCT FROM c.owner_unit_id`);
      await q.query(`
        ALTER TABLE ${kind}_version ADD CONSTRAINT ${kind}_version_code_owner_fk
          FOREIGN KEY (code, owner_unit_id) REFERENCES ${kind}_code (code, owner_unit_id)`);
      await q.query(`
        ALTER TABLE ${kind}_version ADD CONSTRAINT ${kind}_version_code_fk
          FOREIGN KEY (code) REFERENCES ${kind}_code (code)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const kind of ['template', 'flow']) {
      await q.query(`ALTER TABLE ${kind}_version DROP CONSTRAINT ${kind}_version_code_fk`);
      await q.query(`ALTER TABLE ${kind}_version DROP CONSTRAINT ${kind}_version_code_owner_fk`);
      await q.query(`DROP TABLE ${kind}_code`);
    }
  }
}
