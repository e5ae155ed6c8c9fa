import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationItem, Page } from '@bdg/api-types';
import type { Effect } from '@bdg/workflows';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../common/current-user.js';
import { notFound } from '../common/errors.js';
import type { FoldedWrite } from '../common/folded-write.js';
import { pageOf, paging } from '../common/paging.js';
import { Notification } from './notification.entity.js';
import type { ListNotificationsQuery } from './notifications.controller.js';
import { NOTIFICATION_SORTS, NotificationsRepository } from './notifications.repository.js';

interface NotifiedSubmission {
  id: string;
  unitId: string;
  unitName: string;
  parentUnitId: string | null;
  roundName: string;
}

/** Who a `notify` effect's recipient names stand for, relative to the submission. */
const recipientQuery: Record<string, { role: string; unit: 'own' | 'parent' }> = {
  unitEditors: { role: 'editor', unit: 'own' },
  unitHeads: { role: 'head', unit: 'own' },
  unitReviewers: { role: 'reviewer', unit: 'own' },
  parentReviewers: { role: 'reviewer', unit: 'parent' },
};

/** In-app notifications; e-mail delivery of the same rows runs as a job when SMTP is configured. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: NotificationsRepository,
  ) {}

  /**
   * The notifications a `notify` effect sends, as CTEs the transition folds into its one write statement
   * (each appends its parameters to `params`; written only when the CTE `from` returns its row).
   */
  effectWrites(s: NotifiedSubmission, effect: Effect, event: { type: string; label: string; comment?: string; fieldComments?: number }, by: AuthUser): FoldedWrite[] {
    const to = (effect.params?.to as string[] | undefined) ?? [];
    // The reason (a return's comment) travels in the text itself: the bell and the e-mail show it, not only the history.
    const reason = event.comment?.trim() ? ` Ý kiến: "${event.comment.trim()}".` : '';
    const notes = event.fieldComments ? ` Có ${event.fieldComments} ý kiến về các trường.` : '';
    const message =
      ((effect.params?.message as string | undefined) ?? `${s.roundName} — ${s.unitName}: ${by.fullName} đã thực hiện "${event.label}".`) + reason + notes;
    const writes: FoldedWrite[] = [];
    for (const name of to) {
      const q = recipientQuery[name];
      const unitId = q && (q.unit === 'own' ? s.unitId : s.parentUnitId);
      if (!q || !unitId) continue;
      const notice = { unitId, role: q.role, kind: `event:${event.type}`, message, submissionId: s.id, exceptUserId: by.id };
      writes.push((params, from) => this.repo.roleHoldersCte(`notify_${params.length}`, notice, params, from));
    }
    return writes;
  }

  /** One notification of `kind` to each of `userIds` in the caller's transaction, once per `dedupeKey` and user. */
  toUsers(m: EntityManager, n: { userIds: string[]; kind: string; message: string; dedupeKey: string }) {
    return this.repo.toUsers(m, n);
  }

  /** "Đợt báo cáo đã mở": to the editors and reviewers of every unit that has to report in the round. */
  async roundOpened(m: EntityManager, roundId: string, roundName: string): Promise<number> {
    const rows = await this.repo.roundOpened(m, roundId, roundName);
    return rows.length;
  }

  /** One page of the user's notifications; `unread` counts the unread ones among those that match (the bell's badge). */
  async list(user: AuthUser, q: ListNotificationsQuery): Promise<Page<NotificationItem<Date>> & { unread: number }> {
    const p = paging(q, Object.keys(NOTIFICATION_SORTS));
    const { rows, total, unread } = await this.repo.page(user.id, { unread: q.unread === 'true' }, p);
    return { ...pageOf(rows, total, p), unread };
  }

  async markAllRead(user: AuthUser) {
    const res = await this.db.getRepository(Notification).update({ userId: user.id, read: false }, { read: true });
    return { updated: res.affected ?? 0 };
  }

  async markRead(user: AuthUser, id: string) {
    const res = await this.db.getRepository(Notification).update({ id, userId: user.id }, { read: true });
    if (!res.affected) throw notFound('Không tìm thấy thông báo.');
    return { id, read: true };
  }
}
