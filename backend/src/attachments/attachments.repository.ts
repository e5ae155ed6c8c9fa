import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Attachment } from './attachment.entity.js';
import { submissionQueries } from '../submissions/submission-queries.js';

@Injectable()
export class AttachmentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>) {
    return this.db.transaction(fn);
  }

  insert(m: EntityManager, a: Partial<Attachment>) {
    return m.getRepository(Attachment).save(m.getRepository(Attachment).create(a));
  }

  list(submissionId: string) {
    return this.db.getRepository(Attachment).find({ where: { submissionId }, order: { createdAt: 'ASC' } });
  }

  async withContent(id: string): Promise<Attachment | null> {
    return this.db
      .getRepository(Attachment)
      .createQueryBuilder('a')
      .addSelect('a.content')
      .where('a.id = :id', { id })
      .getOne();
  }

  /** Locks the submission row so an upload and a signature never interleave. */
  async lockSubmission(m: EntityManager, submissionId: string): Promise<{ locked: boolean; final: boolean } | null> {
    const rows = await m.query(submissionQueries.lockState('$1'), [submissionId]);
    return rows[0] ?? null;
  }

  /** Files attached to a submission and their total size (read under the submission's row lock when uploading). */
  async usage(submissionId: string, m: EntityManager = this.db.manager): Promise<{ files: number; totalBytes: number }> {
    const rows: { files: number; total: string }[] = await m.query(
      `SELECT count(*)::int AS files, coalesce(sum(size), 0)::bigint AS total FROM attachment WHERE submission_id = $1`,
      [submissionId],
    );
    return { files: rows[0]!.files, totalBytes: Number(rows[0]!.total) };
  }
}
