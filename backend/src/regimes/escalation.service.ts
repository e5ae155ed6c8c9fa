import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DEFAULT_ESCALATION_WORKING_DAYS, formatVietnameseDate, isEscalationDue, vietnamDate, type WorkingCalendar } from '@bdg/regimes';
import { AuditService } from '../audit/audit.service.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { JOB, type RemindersPayload } from '../jobs/job-names.js';
import { JobsService } from '../jobs/jobs.service.js';
import { EscalationRepository, type LateUnit } from './escalation.repository.js';

export interface EscalationRun {
  today: string;
  escalated: number;
  notified: number;
  emailsQueued: number;
}

/**
 * Late units escalated to their parent's reviewer: the reminder job has told the unit itself on the
 * day after its deadline; when it is still not handed in N working days after the deadline (the
 * regime's `escalateAfterWorkingDays`, else 2), the reviewers of the unit above it are told, in the
 * app and by e-mail, once per unit and deadline, with an audit entry — whichever worker runs first.
 */
@Injectable()
export class EscalationService implements OnModuleInit {
  private readonly log = new Logger('Báo cấp trên');

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly repo: EscalationRepository,
    private readonly calendar: CalendarService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit() {
    this.jobs.handle<RemindersPayload>(JOB.regimesEscalate, (ctx) => this.run(ctx.data.now ? new Date(ctx.data.now) : new Date()));
  }

  async run(now: Date = new Date()): Promise<EscalationRun> {
    const today = vietnamDate(now);
    const calendar = await this.calendar.calendar();
    const due = (await this.repo.late(now)).filter((u) => isEscalationDue(u.deadlineDay, delay(u), calendar, today));
    let escalated = 0;
    let notified = 0;
    let emailsQueued = 0;
    for (const u of due) {
      const done = await this.repo.transaction(async (m) => {
        const res = await this.repo.escalate(m, u, message(u, calendar, today));
        if (!res) return null;
        await this.audit.record(m, {
          actorId: null,
          action: 'escalate',
          entity: 'submission',
          entityId: u.submissionId,
          detail: { deadline: u.deadlineDay, parentUnitId: u.parentUnitId, afterWorkingDays: delay(u), notified: res.notificationIds.length },
        });
        return res;
      });
      if (!done) continue;
      escalated += 1;
      notified += done.notificationIds.length;
      emailsQueued += await this.queueEmails(done.notificationIds);
    }
    if (escalated) this.log.log(`Ngày ${today}: ${escalated} đơn vị quá hạn được báo lên cấp trên`);
    return { today, escalated, notified, emailsQueued };
  }

  /** E-mails go through the notification e-mail job (one per notification; the sweep catches any missed). */
  private async queueEmails(ids: string[]): Promise<number> {
    if (!this.config.smtpUrl) return 0;
    let n = 0;
    for (const id of ids) if (await this.jobs.sendInternal(JOB.notificationEmail, { notificationId: id }, { singletonKey: id })) n += 1;
    return n;
  }
}

function delay(u: LateUnit): number {
  return u.escalateAfter && u.escalateAfter > 0 ? u.escalateAfter : DEFAULT_ESCALATION_WORKING_DAYS;
}

/** The level's name from the regime ("trường", "Phòng GD&ĐT"), when a regime opened the round. */
function levelOf(u: LateUnit, kind: string): string | null {
  return u.regimeLevels?.find((l) => l.kinds.includes(kind))?.label ?? null;
}

function message(u: LateUnit, calendar: WorkingCalendar, today: string): string {
  const late = calendar.workingDaysBetween(u.deadlineDay, today);
  const level = levelOf(u, u.unitKind);
  const parentLevel = levelOf(u, u.parentKind);
  return (
    `${u.unitName}${level ? ` (cấp ${level})` : ''} chưa nộp báo cáo "${u.roundName}": đã quá hạn ${formatVietnameseDate(u.deadlineDay)} ` +
    `${late} ngày làm việc. Đề nghị ${u.parentName}${parentLevel ? ` (cấp ${parentLevel})` : ''} đôn đốc đơn vị.`
  );
}
