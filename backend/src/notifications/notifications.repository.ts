import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationItem } from '@bdg/api-types';
import { DataSource } from 'typeorm';
import { likePattern, orderBy, type Paging } from '../common/paging.js';

/** The columns a notifications list may be sorted by (`?sort=`). */
export const NOTIFICATION_SORTS: Record<string, string> = { createdAt: 'n.created_at', kind: 'n.kind', read: 'n.read' };

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
