import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export type JobState = 'created' | 'active' | 'retry' | 'completed' | 'failed';

export interface JobProgressRow {
  id: string;
  name: string;
  userId: string | null;
  state: JobState;
  progress: number;
  attempts: number;
  result: unknown;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface StoredFile {
  fileName: string;
  mimeType: string;
  size: number;
  content: Buffer;
}

const select = `job_id AS id, name, user_id AS "userId", state, progress, attempts, result, error,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** job_progress and export_file: what the API shows of a job, and what it produced. */
@Injectable()
export class JobsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(id: string, name: string, userId: string | null): Promise<void> {
    await this.db.query(`INSERT INTO job_progress (job_id, name, user_id) VALUES ($1, $2, $3) ON CONFLICT (job_id) DO NOTHING`, [
      id,
      name,
      userId,
    ]);
  }

  async byId(id: string): Promise<JobProgressRow | null> {
    const rows = await this.db.query(`SELECT ${select} FROM job_progress WHERE job_id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** A delivery starts: a completed job stays completed (a second delivery changes nothing). */
  async started(id: string, name: string, attempt: number): Promise<JobProgressRow> {
    const rows = await this.db.query(
      `INSERT INTO job_progress (job_id, name, state, attempts) VALUES ($1, $2, 'active', $3)
       ON CONFLICT (job_id) DO UPDATE SET
         state = CASE WHEN job_progress.state = 'completed' THEN 'completed' ELSE 'active' END,
         attempts = GREATEST(job_progress.attempts, EXCLUDED.attempts), updated_at = now()
       RETURNING ${select}`,
      [id, name, attempt],
    );
    return rows[0];
  }

  async progress(id: string, pct: number): Promise<void> {
    const p = Math.max(0, Math.min(100, Math.round(pct)));
    await this.db.query(
      `UPDATE job_progress SET progress = GREATEST(progress, $2), updated_at = now() WHERE job_id = $1 AND state <> 'completed'`,
      [id, p],
    );
  }

  async completed(id: string, result: unknown): Promise<void> {
    await this.db.query(
      `UPDATE job_progress SET state = 'completed', progress = 100, result = $2::jsonb, error = NULL, updated_at = now()
        WHERE job_id = $1 AND state <> 'completed'`,
      [id, JSON.stringify(result ?? null)],
    );
  }

  async failed(id: string, error: string, final: boolean): Promise<void> {
    await this.db.query(
      `UPDATE job_progress SET state = $3, error = $2, updated_at = now() WHERE job_id = $1 AND state <> 'completed'`,
      [id, error, final ? 'failed' : 'retry'],
    );
  }

  async file(jobId: string): Promise<StoredFile | null> {
    const rows = await this.db.query(
      `SELECT file_name AS "fileName", mime_type AS "mimeType", size, content FROM export_file WHERE job_id = $1`,
      [jobId],
    );
    return rows[0] ?? null;
  }

  /** The artifact of a job, once: a second delivery of the same job inserts nothing. */
  async saveFile(jobId: string, submissionId: string, format: string, f: Omit<StoredFile, 'size'>): Promise<boolean> {
    // TypeORM answers an INSERT with its RETURNING rows.
    const rows = (await this.db.query(
      `INSERT INTO export_file (job_id, submission_id, format, file_name, mime_type, size, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (job_id) DO NOTHING RETURNING job_id`,
      [jobId, submissionId, format, f.fileName, f.mimeType, f.content.length, f.content],
    )) as unknown[];
    return rows.length === 1;
  }

  async fileInfo(jobId: string): Promise<{ fileName: string; mimeType: string; size: number } | null> {
    const rows = await this.db.query(`SELECT file_name AS "fileName", mime_type AS "mimeType", size FROM export_file WHERE job_id = $1`, [
      jobId,
    ]);
    return rows[0] ?? null;
  }

  /** Old progress rows and files go after `days` (files are rebuilt on demand). */
  async purge(days: number): Promise<number> {
    const [, n] = (await this.db.query(`DELETE FROM job_progress WHERE created_at < now() - make_interval(days => $1)`, [days])) as [
      unknown,
      number,
    ];
    return n;
  }
}
