import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface ResetTarget {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  unitName: string;
  unitPath: string;
}

/** password_reset rows, the admins who may answer a request, and the must-change flag. */
@Injectable()
export class PasswordResetRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  async activeUser(username: string): Promise<ResetTarget | null> {
    const rows = await this.db.query(
      `SELECT u.id, u.username, u.full_name AS "fullName", u.email, o.name AS "unitName", o.path::text AS "unitPath"
         FROM app_user u JOIN org_unit o ON o.id = u.unit_id WHERE u.username = $1 AND u.active`,
      [username],
    );
    return rows[0] ?? null;
  }

  /** Active admins whose unit's subtree holds the user's unit (the unit's own admin up to the Bộ's). */
  async adminsOver(m: EntityManager, unitPath: string, exceptUserId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT u.id FROM app_user u JOIN org_unit o ON o.id = u.unit_id
        WHERE u.active AND 'admin' = ANY(u.roles) AND o.path @> $1::ltree AND u.id <> $2`,
      [unitPath, exceptUserId],
    );
    return rows.map((r) => r.id);
  }

  async notify(m: EntityManager, userIds: string[], message: string, dedupeKey: string): Promise<void> {
    for (const id of userIds)
      await m.query(
        `INSERT INTO notification (user_id, kind, message, dedupe_key) VALUES ($1, 'password-reset', $2, $3)
         ON CONFLICT (dedupe_key) DO NOTHING`,
        [id, message, `${dedupeKey}:${id}`],
      );
  }

  async insert(m: EntityManager, userId: string, tokenHash: string | null, expiresAt: Date | null): Promise<string> {
    const rows = await m.query(`INSERT INTO password_reset (user_id, token_hash, expires_at) VALUES ($1, $2, $3) RETURNING id`, [
      userId,
      tokenHash,
      expiresAt,
    ]);
    return rows[0].id as string;
  }

  /** Marks the link used, once: null when it is unknown, used or expired. */
  async consume(m: EntityManager, tokenHash: string): Promise<{ userId: string; username: string } | null> {
    const [rows] = (await m.query(
      `UPDATE password_reset r SET used_at = now() FROM app_user u
        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.id = r.user_id AND u.active
        RETURNING r.user_id AS "userId", u.username`,
      [tokenHash],
    )) as [{ userId: string; username: string }[], number];
    return rows[0] ?? null;
  }

  async setPassword(m: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await m.query(
      `UPDATE app_user SET password_hash = $2, must_change_password = false, token_version = token_version + 1 WHERE id = $1`,
      [userId, passwordHash],
    );
  }
}
