import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Việc cần làm" reads the open reports of a unit's children across rounds (`parent_unit_id = $1 AND NOT
 * final`): the index (round_id, parent_unit_id) cannot serve it without the round, so a Sở's list read
 * the whole table at national size. A partial index keeps only the open reports.
 */
export class WorkListIndex1797860000001 implements MigrationInterface {
  name = 'WorkListIndex1797860000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS submission_parent_open ON submission (parent_unit_id) WHERE NOT final`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS submission_parent_open`);
  }
}
