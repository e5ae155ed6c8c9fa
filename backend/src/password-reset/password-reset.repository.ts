import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { userQueries } from '../users/user-queries.js';

/** password_reset rows (the user, the admins and the notification are their owners' business). */
@Injectable()
export class PasswordResetRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  async insert(m: EntityManager, userId: string, tokenHash: string | null, expiresAt: Date | null): Promise<string> {
    const rows = await m.query(`INSERT INTO password_reset (user_id, token_hash, expires_at) VALUES ($1, $2, $3) RETURNING id`, [
      userId,
      tokenHash,
      expiresAt,
    ]);
    return rows[0].id as string;
  }

  /** Marks the link used, once: null when it is unknown, used or expired, or its user is no longer active. */
  async consume(m: EntityManager, tokenHash: string): Promise<{ userId: string; username: string } | null> {
    const [rows] = (await m.query(
      `UPDATE password_reset r SET used_at = now() FROM ${userQueries.active} u
        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.id = r.user_id
        RETURNING r.user_id AS "userId", u.username`,
      [tokenHash],
    )) as [{ userId: string; username: string }[], number];
    return rows[0] ?? null;
  }
}
