import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a clerk typed that does not fit its field (a letter in a number box), kept beside the data as
 * `{pointer: text}` so a draft with one typo still saves and opens the same on another PC. Never in `data`.
 */
export class RawInputs1797200000000 implements MigrationInterface {
  name = 'RawInputs1797200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE submission ADD COLUMN raw_inputs jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE submission DROP COLUMN raw_inputs`);
  }
}
