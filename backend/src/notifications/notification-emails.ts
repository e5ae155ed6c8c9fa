import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JOB, type NotificationEmailPayload } from '../jobs/job-names.js';
import { JobsService } from '../jobs/jobs.service.js';
import { MailerService } from './mailer.service.js';
import { NotificationsRepository } from './notifications.repository.js';

/** E-mail delivery of notifications (SMTP_URL set): the `notification-email` job and its sweep. */
@Injectable()
export class NotificationEmails implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly mailer: MailerService,
    private readonly repo: NotificationsRepository,
  ) {}

  onModuleInit() {
    this.jobs.handle<NotificationEmailPayload>(JOB.notificationEmail, (ctx) => this.send(ctx.data.notificationId));
    this.jobs.handle(JOB.emailSweep, () => this.sweep(), { scheduled: this.mailer.enabled });
  }

  /** Queues the e-mail of each notification whose user has an address (SMTP_URL set). */
  async queue(notificationIds: string[]): Promise<number> {
    if (!this.mailer.enabled || notificationIds.length === 0) return 0;
    let n = 0;
    for (const id of await this.repo.emailable(notificationIds))
      if (await this.jobs.sendInternal(JOB.notificationEmail, { notificationId: id }, { singletonKey: id })) n += 1;
    return n;
  }

  /** Notifications of the last 3 days not yet e-mailed (e.g. those of flow events). */
  async sweep() {
    if (!this.mailer.enabled) return { queued: 0 };
    return { queued: await this.queue(await this.repo.unsentRecent()) };
  }

  /**
   * One e-mail per notification: the row stays locked while the mail is sent, so a second worker
   * skips it, and emailed_at marks it sent. (A crash between the SMTP answer and the commit may
   * send it again: SMTP itself has no exactly-once.)
   */
  async send(notificationId: string) {
    return this.repo.transaction(async (m) => {
      const n = await this.repo.lockForEmail(m, notificationId);
      if (!n) return { sent: false, reason: 'Thông báo không còn, hoặc đang được tiến trình khác gửi.' };
      if (n.emailedAt) return { sent: false, reason: 'Đã gửi thư trước đó.' };
      if (!n.email) return { sent: false, reason: 'Người nhận chưa có địa chỉ thư.' };
      await this.mailer.send({
        to: n.email,
        subject: `[Báo cáo BĐG] ${n.message.length > 90 ? `${n.message.slice(0, 87)}…` : n.message}`,
        text: `Kính gửi ${n.fullName},\n\n${n.message}\n\nThư tự động từ hệ thống Báo cáo BĐG; xem chi tiết trong mục Thông báo.`,
      });
      await this.repo.markEmailed(m, n.id);
      return { sent: true };
    });
  }
}
