import { Injectable, type OnModuleInit } from '@nestjs/common';
import { applyComputed, carryForward, type JsonSchema } from '@bdg/schemas';
import { comparablePeriodNames } from '@bdg/regimes';
import { type FlowDefinition, initialSnapshot, stateTags, stateValue, upgradeFlow } from '@bdg/workflows';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { FlowsService } from '../flows/flows.service.js';
import { type JobContext, JobsService, reasonOf } from '../jobs/jobs.service.js';
import { JOB } from '../jobs/job-names.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { RoundSubmissionsService } from '../submissions/round-submissions.service.js';
import { TemplatesService } from '../templates/templates.service.js';
import { RoundsRepository } from './rounds.repository.js';

/** Above this many units a round opens in a background job (202 with the job to follow). */
export const largeRoundUnits = () => Number(process.env.LARGE_ROUND_UNITS ?? 5000);
/** Submissions inserted per statement; the job reports its progress after each batch. */
const BATCH = Number(process.env.ROUND_OPEN_BATCH ?? 20_000);

/** A date without time means the end of that day in Vietnam. */
export function deadlineOf(value: string | undefined): string | null {
  if (!value) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59+07:00` : value;
}

/**
 * Deadlines are accepted from DEADLINE_YEARS_BACK years before this year to DEADLINE_YEARS_AHEAD after it:
 * the working-day calendar computes each year's lunar holidays (~150 ms), and the late counts of the
 * reminders walk from the deadline to today.
 */
export const DEADLINE_YEARS_BACK = 5;
export const DEADLINE_YEARS_AHEAD = 10;

/** Why a deadline is refused (the rest of a Vietnamese sentence about it), or null when it is accepted. */
export function deadlineProblem(value: unknown, now = new Date()): string | null {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(deadlineOf(value)!))) return 'không phải ngày hợp lệ (yyyy-mm-dd)';
  const year = new Date(deadlineOf(value)!).getUTCFullYear();
  const from = now.getUTCFullYear() - DEADLINE_YEARS_BACK;
  const to = now.getUTCFullYear() + DEADLINE_YEARS_AHEAD;
  return year < from || year > to ? `phải trong khoảng từ năm ${from} đến năm ${to}` : null;
}

export interface FillInput {
  roundId: string;
  rootId: string;
  name: string;
  userId: string;
  templateVersionId: string;
  /** unit kind → pinned flow version id */
  flowVersionIds: Record<string, string>;
  deadlines: Record<string, string>;
  carryForward: boolean;
  /** The round's period: carry-forward reads the comparable period's answers (same half, same kind). */
  period: string;
}

export interface RoundOpenPayload extends FillInput {
  /** The expected number of submissions (from the count at request time). */
  expected: number;
}

/**
 * Creates a round's submissions: the units staged once, then inserted batch by batch, all in one
 * transaction (a round is never half open), then last year's answers carried forward and everyone told.
 * In the request for a small subtree; in the `round-open` job (pg-boss, retried, progress in
 * job_progress) for a large one.
 */
@Injectable()
export class RoundOpeningService implements OnModuleInit {
  constructor(
    private readonly repo: RoundsRepository,
    private readonly templates: TemplatesService,
    private readonly flows: FlowsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
    private readonly submissions: RoundSubmissionsService,
  ) {}

  onModuleInit() {
    this.jobs.handle<RoundOpenPayload>(JOB.roundOpen, (ctx) => this.runJob(ctx));
  }

  enqueue(p: RoundOpenPayload): Promise<string> {
    return this.jobs.enqueue(JOB.roundOpen, p, { userId: p.userId, singletonKey: `round-open:${p.roundId}` });
  }

  private async runJob(ctx: JobContext<RoundOpenPayload>) {
    const p = ctx.data;
    const round = await this.repo.byId(p.roundId);
    if (!round) throw new Error('Không tìm thấy đợt báo cáo cần mở.');
    if (round.status === 'open') return { id: round.id, counts: { total: p.expected } };
    try {
      const result = await this.repo.transaction(async (m) => {
        const r = await this.fill(m, p, (done, total) => ctx.progress(total ? 5 + (85 * done) / total : 90));
        await this.repo.setStatus(p.roundId, 'open', {}, m);
        return r;
      });
      return { id: p.roundId, ...result };
    } catch (e) {
      if (ctx.attempt > ctx.retryLimit) await this.repo.setStatus(p.roundId, 'failed', { error: reasonOf(e) });
      throw e;
    }
  }

  async fill(m: EntityManager, p: FillInput, onBatch?: (done: number, total: number) => Promise<void>) {
    const kinds = Object.keys(p.flowVersionIds);
    const perKind = [];
    for (const kind of kinds) {
      const flow = (await this.flows.byId(p.flowVersionIds[kind]!, m))!;
      const def = upgradeFlow(flow.machine as unknown as FlowDefinition);
      const snapshot = initialSnapshot(def);
      const state = stateValue(def, snapshot);
      perKind.push({ kind, flowVersionId: flow.id, state, stateTags: stateTags(def, state), snapshot, deadline: deadlineOf(p.deadlines[kind]) });
    }
    const byKind = await this.repo.stageUnits(m, p.rootId, kinds);
    const staged = Object.values(byKind).reduce((a, b) => a + b, 0);
    // The counters are built once at the end rather than spread again after every batch.
    await this.repo.deferTally(m, true);
    for (let from = 0; from < staged; from += BATCH) {
      await this.submissions.createStaged(m, { roundId: p.roundId, templateVersionId: p.templateVersionId, perKind }, from, from + BATCH);
      await onBatch?.(Math.min(staged, from + BATCH), staged);
    }
    await this.repo.deferTally(m, false);
    await this.repo.rebuildTally(m, p.roundId);
    const template = (await this.templates.byId(p.templateVersionId, m))!;
    const carried = p.carryForward ? await this.carryForward(m, p.roundId, template, p.period) : 0;
    const notified = await this.notifications.roundOpened(m, p.roundId, p.name);
    await this.audit.record(m, { actorId: p.userId, action: 'open', entity: 'round', entityId: p.roundId, detail: { name: p.name, total: staged, carried, notified } });
    return { counts: { total: staged, byKind }, carriedForward: carried };
  }

  /**
   * The comparable period's answers (a 6-month report's from the same half last year, an annual
   * one's from last year's annual: never another kind) mapped into the new version where path and type still fit.
   */
  private async carryForward(m: EntityManager, roundId: string, template: { code: string; basedOnCode: string | null; schema: Record<string, unknown> }, period: string) {
    const codes = [...new Set([template.code, template.basedOnCode].filter((c): c is string => !!c))];
    const previous = await this.submissions.previousAnswers(m, roundId, codes, comparablePeriodNames(period));
    const schemas = new Map<string, JsonSchema>();
    const rows = [];
    for (const p of previous) {
      let from = schemas.get(p.templateVersionId);
      if (!from) {
        from = (await this.templates.byId(p.templateVersionId, m))!.schema as JsonSchema;
        schemas.set(p.templateVersionId, from);
      }
      const to = template.schema as JsonSchema;
      const { data } = carryForward(from, to, p.data);
      rows.push({ id: p.id, data: applyComputed(to, data) });
    }
    await this.submissions.carryForward(m, rows);
    return rows.length;
  }
}
