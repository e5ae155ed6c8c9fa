import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationItem } from '@bdg/api-types';
import type { DataSource, EntityManager } from 'typeorm';
import { orgQueries } from '../org/org-queries.js';
import { submissionQueries } from '../submissions/submission-queries.js';
import { userQueries } from '../users/user-queries.js';

import { likePattern, orderBy, type Paging } from '../common/paging.js';

/** A notification to the holders of a role in a unit. */
export interface RoleHoldersNotice {
  unitId: string;
  role: string;
  kind: string;
  message: string;
  submissionId: string;
  exceptUserId: string;
}

/** The columns a notifications list may be sorted by (`?sort=`). */
export const NOTIFICATION_SORTS: Record<string, string> = { createdAt: 'n.created_at', kind: 'n.kind', read: 'n.read' };

/** The notification table's SQL (recipients and addresses come from the users module's fragments). */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>) {
    return this.db.transaction(fn);
  }

  /**
   * One notification per active holder of `role` in `unitId`, the actor excepted, as a CTE of the caller's
   * statement (its parameters appended to `params`): written once per row the CTE `from` returns, so a write
   * that did not happen notifies nobody.
   */
  roleHoldersCte(name: string, n: RoleHoldersNotice, params: unknown[], from: string): string {
    const $ = (v: unknown) => `$${params.push(v)}`;
    const [unit, role, kind, message, submission, except] = [n.unitId, n.role, n.kind, n.message, n.submissionId, n.exceptUserId].map($);
    return `${name} AS (INSERT INTO notification (user_id, kind, message, submission_id)
       SELECT u.id, ${kind}, ${message}, ${submission}::uuid FROM (${userQueries.activeHolders(`${unit}::uuid`, role!, `${except}::uuid`)}) u
        WHERE EXISTS (SELECT 1 FROM ${from}))`;
  }

  /** One notification of `kind` to each of `userIds`, once per `dedupeKey` and user. */
  async toUsers(m: EntityManager, n: { userIds: string[]; kind: string; message: string; dedupeKey: string }): Promise<void> {
    await m.query(
      `INSERT INTO notification (user_id, kind, message, dedupe_key) SELECT id, $2, $3, $4 || ':' || id FROM unnest($1::uuid[]) AS id
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [n.userIds, n.kind, n.message, n.dedupeKey],
    );
  }

  /** "Đợt báo cáo đã mở" to the active editors and reviewers of every unit with a submission in the round. */
  roundOpened(m: EntityManager, roundId: string, roundName: string): Promise<{ id: string }[]> {
    return m.query(
      `INSERT INTO notification (user_id, kind, message, submission_id, dedupe_key)
       SELECT u.id, 'round-opened',
              'Đã mở đợt báo cáo "' || $2 || '"' || COALESCE(': hạn nộp của ' || o.name || ' là ' ||
                to_char(s.deadline AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY'), '') || '.',
              s.id, 'round-opened:' || s.id || ':' || u.id
         FROM ${submissionQueries.rows} s JOIN ${orgQueries.units} o ON o.id = s.unit_id
         JOIN ${userQueries.active} u ON u.unit_id = s.unit_id AND u.roles && ARRAY['editor', 'reviewer']::text[]
        WHERE s.round_id = $1
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [roundId, roundName],
    );
  }

  /** Of these notifications, those not e-mailed yet whose user has an address. */
  async emailable(ids: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM notification WHERE id = ANY($1::uuid[]) AND emailed_at IS NULL AND user_id IN (${userQueries.withEmail()})`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** Notifications of the last 3 days not yet e-mailed whose user has an address (oldest first). */
  async unsentRecent(limit = 500): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM notification WHERE emailed_at IS NULL AND created_at > now() - interval '3 days'
          AND user_id IN (${userQueries.withEmail()}) ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /** The notification under its row lock (skipped when another worker holds it), with where to send it. */
  async lockForEmail(m: EntityManager, id: string) {
    const rows: { id: string; message: string; emailedAt: Date | null; email: string | null; fullName: string }[] = await m.query(
      `SELECT n.id, n.message, n.emailed_at AS "emailedAt", u.email, u."fullName"
         FROM notification n CROSS JOIN LATERAL (${userQueries.contact('n.user_id')}) u WHERE n.id = $1 FOR UPDATE OF n SKIP LOCKED`,
      [id],
    );
    return rows[0] ?? null;
  }

  async markEmailed(m: EntityManager, id: string) {
    await m.query(`UPDATE notification SET emailed_at = now() WHERE id = $1`, [id]);
  }

  /** One page of a user's notifications, newest first unless asked otherwise; `unread` keeps the unread ones. */
  async page(userId: string, f: { unread?: boolean }, p: Paging): Promise<{ rows: NotificationItem<Date>[]; total: number; unread: number }> {
    const params: unknown[] = [userId];
    const where = ['n.user_id = $1'];
    if (f.unread) where.push('NOT n.read');
    if (p.folded) {
      // A user's own notifications are few enough to fold on the fly (index notification_user_created narrows them).
      params.push(likePattern(p.folded));
      where.push(`bdg_fold(n.message) LIKE $${params.length}`);
    }
    const w = where.join(' AND ');
    const order = orderBy(p, NOTIFICATION_SORTS, 'n.created_at DESC', 'n.id');
    const [rows, count] = await Promise.all([
      this.db.query(
        `SELECT n.id, n.kind, n.message, n.submission_id AS "submissionId", n.read, n.created_at AS "createdAt"
           FROM notification n WHERE ${w} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, p.pageSize, p.offset],
      ),
      this.db.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT n.read)::int AS unread FROM notification n WHERE ${w}`, params),
    ]);
    return { rows, total: count[0].n, unread: count[0].unread };
  }
}
