import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Effect } from '@bdg/workflows';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/current-user.js';
import { notFound } from '../common/errors.js';
import { Notification } from './notification.entity.js';

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
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async notifyForEffect(m: EntityManager, s: NotifiedSubmission, effect: Effect, event: { type: string; label: string }, by: AuthUser) {
    const eventLabel = event.label;
    const to = (effect.params?.to as string[] | undefined) ?? [];
    const message =
      (effect.params?.message as string | undefined) ??
      `${s.roundName} — ${s.unitName}: ${by.fullName} đã thực hiện "${eventLabel}".`;
    for (const name of to) {
      const q = recipientQuery[name];
      if (!q) continue;
      const unitId = q.unit === 'own' ? s.unitId : s.parentUnitId;
      if (!unitId) continue;
      await m.query(
        `INSERT INTO notification (user_id, kind, message, submission_id)
         SELECT id, $3, $4, $5 FROM app_user WHERE unit_id = $1 AND $2 = ANY(roles) AND active AND id <> $6`,
        [unitId, q.role, `event:${event.type}`, message, s.id, by.id],
      );
    }
  }

  /** A reminder once per user, submission and key (deadline and how many days before). */
  async remind(m: EntityManager, userId: string, submissionId: string, kind: string, message: string, dedupeKey: string) {
    await m.query(
      `INSERT INTO notification (user_id, kind, message, submission_id, dedupe_key) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [userId, kind, message, submissionId, dedupeKey],
    );
  }

  list(user: AuthUser) {
    return this.db.getRepository(Notification).find({ where: { userId: user.id }, order: { createdAt: 'DESC' }, take: 100 });
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
