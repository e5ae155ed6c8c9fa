import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each user last saw of a submission (content hash, version and the data then), so that a signer or reviewer
 * who comes back — on any computer — is shown what changed since. One row per user and submission, overwritten.
 */
export class SubmissionSeen1797500000000 implements MigrationInterface {
  name = 'SubmissionSeen1797500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE submission_seen (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        submission_id uuid NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
        content_hash text NOT NULL,
        version integer NOT NULL,
        data json NOT NULL,
        seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, submission_id)
      )`);
    await q.query(`CREATE INDEX submission_seen_submission ON submission_seen (submission_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE submission_seen`);
  }
}
