import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A round keeps the recipients (nơi nhận) its regime declared, for the documents to print; and a
 * late unit is escalated to its parent's reviewer once per submission and deadline (the stage it
 * is late for), whichever worker gets there first: the primary key decides.
 */
export class RegimeRecipientsEscalation1797700000000 implements MigrationInterface {
  name = 'RegimeRecipientsEscalation1797700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE round ADD COLUMN recipients jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await q.query(`
      CREATE TABLE submission_escalation (
        submission_id uuid NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
        deadline timestamptz NOT NULL,
        parent_unit_id uuid REFERENCES org_unit(id),
        notified int NOT NULL DEFAULT 0,
        escalated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (submission_id, deadline)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE submission_escalation`);
    await q.query(`ALTER TABLE round DROP COLUMN recipients`);
  }
}
