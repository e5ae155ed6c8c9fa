import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the large lists read by keyset ("after" cursor) at national size (issue #17):
 * - a round's submissions by deadline (`?sort=deadline`; the deadline rarely changes, so the index does
 *   not slow the saves, which stay HOT updates — hence no index on `updated_at`);
 * - units by name (`?sort=unitName` walks it and stops after a page);
 * - the audit log newest first, and one actor's entries newest first (`GET /api/audit`).
 */
export class LargeListIndexes1797860000000 implements MigrationInterface {
  name = 'LargeListIndexes1797860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS submission_round_deadline ON submission (round_id, deadline, id)`);
    await q.query(`CREATE INDEX IF NOT EXISTS org_unit_name ON org_unit (name, id)`);
    await q.query(`CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at, id)`);
    await q.query(`CREATE INDEX IF NOT EXISTS audit_log_actor_at ON audit_log (actor_id, at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const i of ['audit_log_actor_at', 'audit_log_at', 'org_unit_name', 'submission_round_deadline']) await q.query(`DROP INDEX IF EXISTS ${i}`);
  }
}
