import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background jobs (pg-boss keeps its own tables in the `pgboss` schema): what the API shows of a
 * job (progress, result, reason of a failure, who asked for it), the files exports produce, and
 * the e-mail mark on notifications. Each produced thing has a unique key, so a job delivered twice
 * (pg-boss delivers at least once) has its effect once.
 */
export class JobsExports1795100000000 implements MigrationInterface {
  name = 'JobsExports1795100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_progress (
        job_id uuid PRIMARY KEY,
        name text NOT NULL,
        user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        state text NOT NULL DEFAULT 'created'
          CHECK (state IN ('created', 'active', 'retry', 'completed', 'failed')),
        progress int NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        attempts int NOT NULL DEFAULT 0,
        result jsonb,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX job_progress_user ON job_progress (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX job_progress_created ON job_progress (created_at)`);
    await q.query(`
      CREATE TABLE export_file (
        job_id uuid PRIMARY KEY REFERENCES job_progress(job_id) ON DELETE CASCADE,
        submission_id uuid NOT NULL REFERENCES submission(id),
        format text NOT NULL,
        file_name text NOT NULL,
        mime_type text NOT NULL,
        size int NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE notification ADD COLUMN emailed_at timestamptz`);
    await q.query(`CREATE INDEX notification_unsent ON notification (created_at) WHERE emailed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS notification_unsent`);
    await q.query(`ALTER TABLE notification DROP COLUMN IF EXISTS emailed_at`);
    await q.query(`DROP TABLE IF EXISTS export_file`);
    await q.query(`DROP TABLE IF EXISTS job_progress`);
  }
}
