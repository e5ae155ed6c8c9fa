import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The data as it stood when a submission was last sent back, for the reviewer's "what changed" diff. */
export class ReturnedData1795000000100 implements MigrationInterface {
  name = 'ReturnedData1795000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE submission ADD COLUMN returned_data jsonb, ADD COLUMN returned_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE submission DROP COLUMN returned_data, DROP COLUMN returned_at`);
  }
}
