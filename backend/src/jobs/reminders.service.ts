import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { ownUnitRolesNow } from '@bdg/workflows';
import { DefinitionsService } from '../submissions/definitions.service.js';
import {
  JOB,
  type RemindersPayload,
} from './job-names.js';
import { JobsRepository } from './jobs.repository.js';
import { JobsService } from './jobs.service.js';
import { NotificationEmails } from '../notifications/notification-emails.js';

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

/** The hourly deadline reminders (their e-mails go through the notifications module). */
@Injectable()
export class RemindersService implements OnModuleInit {
  private readonly log = new Logger('Nhắc hạn');

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobsService,
    private readonly jobsRepo: JobsRepository,
    private readonly emails: NotificationEmails,
    private readonly defs: DefinitionsService,
  ) {}

  onModuleInit() {
    this.jobs.register<RemindersPayload>({
      name: JOB.reminders,
      options: { retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 600 },
      schedule: '0 * * * *',
      handler: (ctx) => this.runReminders(ctx.data.now ? new Date(ctx.data.now) : new Date()),
    });
  }

  /** Adds the reminders due at `now`; safe to run any number of times. */
  async runReminders(now: Date = new Date()): Promise<ReminderRun> {
    if (Number.isNaN(now.getTime())) now = new Date();
    const steps = await this.waitingSteps(now);
    const rows: { id: string; kind: string }[] = await this.db.query(REMINDER_SQL, [now.toISOString(), JSON.stringify(steps)]);
    const byKind: Record<string, number> = {};
    for (const r of rows) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
    const emailsQueued = await this.emails.queue(rows.map((r) => r.id));
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
}
