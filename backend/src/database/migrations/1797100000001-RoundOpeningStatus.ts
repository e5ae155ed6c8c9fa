import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A round over a large subtree opens in a background job, batch by batch: until the last batch is in,
 * the round is `opening`, then `open`; a job that gives up leaves it `failed` with the reason.
 * Also an index for the rate limit of reviewers' reminders.
 */
export class RoundOpeningStatus1797100000001 implements MigrationInterface {
  name = 'RoundOpeningStatus1797100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE round ADD COLUMN status text NOT NULL DEFAULT 'open' CHECK (status IN ('opening', 'open', 'failed'))`);
    await q.query(`ALTER TABLE round ADD COLUMN open_job_id uuid`);
    await q.query(`ALTER TABLE round ADD COLUMN open_error text`);
    // A reviewer's "Nhắc" is limited per unit and hour: the last one is looked up by submission.
    await q.query(`CREATE INDEX audit_log_remind ON audit_log (entity_id, at) WHERE action = 'remind'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS audit_log_remind`);
    await q.query(`ALTER TABLE round DROP COLUMN open_error`);
    await q.query(`ALTER TABLE round DROP COLUMN open_job_id`);
    await q.query(`ALTER TABLE round DROP COLUMN status`);
  }
}
