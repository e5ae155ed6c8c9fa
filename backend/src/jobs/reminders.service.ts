import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ownUnitRolesNow } from '@bdg/workflows';
import { DefinitionsService } from '../submissions/definitions.service.js';
import {
  JOB,
  type RemindersPayload,
} from './job-names.js';
import { JobsRepository } from './jobs.repository.js';
import { RemindersRepository } from './reminders.repository.js';
import { JobsService } from './jobs.service.js';
import { NotificationEmails } from '../notifications/notification-emails.js';

export interface ReminderRun {
  at: string;
  created: number;
  byKind: Record<string, number>;
  emailsQueued: number;
}

/** The hourly deadline reminders (their e-mails go through the notifications module). */
@Injectable()
export class RemindersService implements OnModuleInit {
  private readonly log = new Logger('Nhắc hạn');

  constructor(
    private readonly repo: RemindersRepository,
    private readonly jobs: JobsService,
    private readonly jobsRepo: JobsRepository,
    private readonly emails: NotificationEmails,
    private readonly defs: DefinitionsService,
  ) {}

  onModuleInit() {
    this.jobs.handle<RemindersPayload>(JOB.reminders, (ctx) => this.runReminders(ctx.data.now ? new Date(ctx.data.now) : new Date()));
  }

  /** Adds the reminders due at `now`; safe to run any number of times. */
  async runReminders(now: Date = new Date()): Promise<ReminderRun> {
    if (Number.isNaN(now.getTime())) now = new Date();
    const steps = await this.waitingSteps(now);
    const rows = await this.repo.due(now, steps);
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
    const pairs = await this.repo.waitingSteps(now);
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
