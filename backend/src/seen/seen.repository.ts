import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface SeenRow {
  contentHash: string;
  version: number;
  data: Record<string, unknown>;
  seenAt: string;
}

@Injectable()
export class SeenRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(userId: string, submissionId: string): Promise<SeenRow | null> {
    const rows: SeenRow[] = await this.db.query(
      `SELECT content_hash AS "contentHash", version, data, seen_at AS "seenAt"
         FROM submission_seen WHERE user_id = $1 AND submission_id = $2`,
      [userId, submissionId],
    );
    return rows[0] ?? null;
  }

  async put(userId: string, submissionId: string, seen: Omit<SeenRow, 'seenAt'>): Promise<SeenRow> {
    const rows: SeenRow[] = await this.db.query(
      `INSERT INTO submission_seen (user_id, submission_id, content_hash, version, data, seen_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (user_id, submission_id) DO UPDATE
         SET content_hash = EXCLUDED.content_hash, version = EXCLUDED.version, data = EXCLUDED.data, seen_at = now()
       RETURNING content_hash AS "contentHash", version, data, seen_at AS "seenAt"`,
      [userId, submissionId, seen.contentHash, seen.version, JSON.stringify(seen.data)],
    );
    return rows[0]!;
  }
}
