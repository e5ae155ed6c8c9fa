import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { ownUnitRolesNow } from '@bdg/workflows';
import { DefinitionsService } from '../submissions/definitions.service.js';
import {
  JOB,
  type NotificationEmailPayload,
  type RemindersPayload,
} from './job-names.js';
import { JobsRepository } from './jobs.repository.js';
import { JobsService } from './jobs.service.js';
import { MailerService } from './mailer.service.js';

export interface ReminderRun {
  at: string;
  created: number;
  byKind: Record<string, number>;
  emailsQueued: number;
}

/** Statuses in which the unit's work is handed in: no deadline reminder any more. */
const HANDED_IN = `'{submitted,done}'::text[]`;
/** Statuses that wait for someone inside the unit (not the editors): they get "đang chờ bạn …". */
const WAITING = `'{awaitingSignature,awaitingApproval}'::text[]`;

/**
 * One reminder per user, submission, deadline and window (3 days, 1 day, late): the unit's editors
 * while its work is not handed in; and, while a report waits inside the unit (signature, approval),
 * the holders of the roles that must act now, as the flow says ($2: flow version, state, roles, wait).
 * Meaning comes from the state's tags, never its name. The unique dedupe_key of notification makes a
 * second run (or a second worker) add nothing.
 */
const REMINDER_SQL = `
WITH steps AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(flow_version_id uuid, state text, roles text[], wait text)
), open AS (
  SELECT s.id, s.unit_id, s.flow_version_id, s.state, s.deadline, r.name AS round_name, o.name AS unit_name,
         to_char(s.deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS deadline_iso,
         to_char(s.deadline AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY') AS deadline_vn,
         GREATEST(1, ceil(extract(epoch FROM (s.deadline - $1::timestamptz)) / 86400))::int AS days_left,
         CASE WHEN s.deadline < $1::timestamptz THEN 'late'
              WHEN s.deadline <= $1::timestamptz + interval '1 day' THEN '1d'
              ELSE '3d' END AS win
    FROM submission s JOIN round r ON r.id = s.round_id JOIN org_unit o ON o.id = s.unit_id
   WHERE NOT s.final AND s.deadline IS NOT NULL AND NOT (s.state_tags && ${HANDED_IN})
     AND s.deadline <= $1::timestamptz + interval '3 days'
), recipients AS (
  SELECT o.*, u.id AS user_id, NULL::text AS wait
    FROM open o JOIN app_user u ON u.unit_id = o.unit_id AND u.active AND 'editor' = ANY(u.roles)
  UNION ALL
  SELECT o.*, u.id AS user_id, st.wait
    FROM open o JOIN steps st ON st.flow_version_id = o.flow_version_id AND st.state = o.state
    JOIN app_user u ON u.unit_id = o.unit_id AND u.active AND u.roles && st.roles
)
INSERT INTO notification (user_id, kind, message, submission_id, dedupe_key)
SELECT user_id,
       CASE WHEN wait IS NOT NULL THEN 'remind-' || wait ELSE 'remind-' || win END,
       CASE
         WHEN wait IS NOT NULL AND win = 'late' THEN 'Đã quá hạn ' || deadline_vn || ': báo cáo "' || round_name || '" của ' || unit_name || ' đang chờ bạn ' || CASE wait WHEN 'sign' THEN 'ký' ELSE 'duyệt' END || '.'
         WHEN wait IS NOT NULL THEN 'Báo cáo "' || round_name || '" của ' || unit_name || ' đang chờ bạn ' || CASE wait WHEN 'sign' THEN 'ký' ELSE 'duyệt' END || ' (hạn ' || deadline_vn || ', còn ' || days_left || ' ngày).'
         WHEN win = 'late' THEN 'Đã quá hạn nộp báo cáo "' || round_name || '" của ' || unit_name || ' (hạn ' || deadline_vn || ').'
         ELSE 'Sắp đến hạn nộp báo cáo "' || round_name || '" của ' || unit_name || ': hạn ' || deadline_vn || ', còn ' || days_left || ' ngày.'
       END,
       id,
       'remind:' || id || ':' || deadline_iso || ':' || CASE WHEN wait IS NOT NULL THEN wait || '-' ELSE '' END || win || ':' || user_id
  FROM recipients
ON CONFLICT (dedupe_key) DO NOTHING
RETURNING id, kind`;

/** The (flow version, state) pairs of open reports that wait inside their unit. */
const WAITING_STEPS_SQL = `
SELECT DISTINCT flow_version_id AS "flowVersionId", state, state_tags AS "stateTags" FROM submission
 WHERE NOT final AND deadline IS NOT NULL AND deadline <= $1::timestamptz + interval '3 days' AND state_tags && ${WAITING}`;

/** Deadline reminders and notification e-mails. */
@Injectable()
export class RemindersService implements OnModuleInit {
  private readonly log = new Logger('Nhắc hạn');

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobsService,
    private readonly jobsRepo: JobsRepository,
    private readonly mailer: MailerService,
    private readonly defs: DefinitionsService,
  ) {}

  onModuleInit() {
    this.jobs.register<RemindersPayload>({
      name: JOB.reminders,
      options: { retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 600 },
      schedule: '0 * * * *',
      handler: (ctx) => this.runReminders(ctx.data.now ? new Date(ctx.data.now) : new Date()),
    });
    this.jobs.register<NotificationEmailPayload>({
      name: JOB.notificationEmail,
      options: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 120, policy: 'short' },
      handler: (ctx) => this.sendEmail(ctx.data.notificationId),
    });
    this.jobs.register<Record<string, never>>({
      name: JOB.emailSweep,
      options: { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 120 },
      schedule: this.mailer.enabled ? '*/5 * * * *' : undefined,
      handler: () => this.sweepEmails(),
    });
  }

  /** Adds the reminders due at `now`; safe to run any number of times. */
  async runReminders(now: Date = new Date()): Promise<ReminderRun> {
    if (Number.isNaN(now.getTime())) now = new Date();
    const steps = await this.waitingSteps(now);
    const rows: { id: string; kind: string }[] = await this.db.query(REMINDER_SQL, [now.toISOString(), JSON.stringify(steps)]);
    const byKind: Record<string, number> = {};
    for (const r of rows) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
    const emailsQueued = await this.queueEmails(rows.map((r) => r.id));
    // Housekeeping: old job rows and their files.
    await this.jobsRepo.purge(30).catch(() => 0);
    if (rows.length) this.log.log(`Đã tạo ${rows.length} lời nhắc`);
    return { at: now.toISOString(), created: rows.length, byKind, emailsQueued };
  }

  /** For each waiting step, who must act now: the roles the flow's guards name for the unit's own people. */
  private async waitingSteps(now: Date) {
    const pairs: { flowVersionId: string; state: string; stateTags: string[] }[] = await this.db.query(WAITING_STEPS_SQL, [now.toISOString()]);
    const out = [];
    for (const p of pairs) {
      const def = await this.defs.flow(p.flowVersionId);
      const roles = ownUnitRolesNow(def, p.state);
      const wait = p.stateTags.includes('awaitingSignature') ? 'sign' : 'approve';
      if (roles.length) out.push({ flow_version_id: p.flowVersionId, state: p.state, roles, wait });
    }
    return out;
  }

  /** Queues the e-mail of each notification whose user has an address (SMTP_URL set). */
  async queueEmails(notificationIds: string[]): Promise<number> {
    if (!this.mailer.enabled || notificationIds.length === 0) return 0;
    const rows: { id: string }[] = await this.db.query(
      `SELECT n.id FROM notification n JOIN app_user u ON u.id = n.user_id
        WHERE n.id = ANY($1::uuid[]) AND n.emailed_at IS NULL AND u.email IS NOT NULL AND u.email <> ''`,
      [notificationIds],
    );
    let n = 0;
    for (const r of rows) if (await this.jobs.sendInternal(JOB.notificationEmail, { notificationId: r.id }, { singletonKey: r.id })) n += 1;
    return n;
  }

  /** Notifications of the last 3 days not yet e-mailed (e.g. those of flow events). */
  async sweepEmails() {
    if (!this.mailer.enabled) return { queued: 0 };
    const rows: { id: string }[] = await this.db.query(
      `SELECT n.id FROM notification n JOIN app_user u ON u.id = n.user_id
        WHERE n.emailed_at IS NULL AND n.created_at > now() - interval '3 days' AND u.email IS NOT NULL AND u.email <> ''
        ORDER BY n.created_at LIMIT 500`,
    );
    return { queued: await this.queueEmails(rows.map((r) => r.id)) };
  }

  /**
   * One e-mail per notification: the row stays locked while the mail is sent, so a second worker
   * skips it, and emailed_at marks it sent. (A crash between the SMTP answer and the commit may
   * send it again: SMTP itself has no exactly-once.)
   */
  async sendEmail(notificationId: string) {
    return this.db.transaction(async (m) => {
      const rows: { id: string; message: string; emailedAt: Date | null; email: string | null; fullName: string }[] = await m.query(
        `SELECT n.id, n.message, n.emailed_at AS "emailedAt", u.email, u.full_name AS "fullName"
           FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.id = $1 FOR UPDATE OF n SKIP LOCKED`,
        [notificationId],
      );
      const n = rows[0];
      if (!n) return { sent: false, reason: 'Thông báo không còn, hoặc đang được tiến trình khác gửi.' };
      if (n.emailedAt) return { sent: false, reason: 'Đã gửi thư trước đó.' };
      if (!n.email) return { sent: false, reason: 'Người nhận chưa có địa chỉ thư.' };
      await this.mailer.send({
        to: n.email,
        subject: `[Báo cáo BĐG] ${n.message.length > 90 ? `${n.message.slice(0, 87)}…` : n.message}`,
        text: `Kính gửi ${n.fullName},\n\n${n.message}\n\nThư tự động từ hệ thống Báo cáo BĐG; xem chi tiết trong mục Thông báo.`,
      });
      await m.query(`UPDATE notification SET emailed_at = now() WHERE id = $1`, [n.id]);
      return { sent: true };
    });
  }
}
