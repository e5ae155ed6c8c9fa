import { Injectable } from '@nestjs/common';
import type { HistoryEntry, Page, SubmissionSummary, Task, WorkItem, WorkPage } from '@bdg/api-types';
import { applyComputed } from '@bdg/schemas';
import {
  type Actor,
  allowedEvents,
  compileSelection,
  type Effect,
  eventKind,
  eventLabel,
  type FlowEvent,
  flowHasEvent,
  isDoneTags,
  isFinalState,
  isHandedInTags,
  locksDataTags,
  stateLabel,
  stateStatus,
  stateTags,
  type SubmissionFacts,
  transition,
  WORK_LIST_TAGS,
} from '@bdg/workflows';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/current-user.js';
import { isBelowOrSame } from '../common/access.js';
import { type PageQuery, pageArray, pageOf, paging } from '../common/paging.js';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../common/errors.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { SigningHooks } from '../signing/signing-hooks.js';
import { SigningService } from '../signing/signing.service.js';
import { JOB } from '../jobs/job-names.js';
import { JobsService } from '../jobs/jobs.service.js';
import { RolesService } from '../roles/roles.service.js';
import { CompileService } from './compile.service.js';
import { mayEditData, refusalToHttp, refuseStaleContent, refuseUnsealable, summarise, toFinding, toProblem } from './content-guards.js';
import { CoverageService } from './coverage.service.js';
import { DefinitionsService, type LoadedTemplate } from './definitions.service.js';
import type { ListSubmissionsQuery, MyWorkQuery, SendEventDto } from './submissions.dto.js';
import type { FieldComment, SignatureRecord } from './submission.entity.js';
import { SORTS, SubmissionsRepository, type SubmissionRow, type SubmissionSummaryRow } from './submissions.repository.js';

const NOT_FOUND = 'Không tìm thấy báo cáo.';
/** Above this many children, COMPILE runs as a background job. */
export const largeCompileChildren = () => Number(process.env.LARGE_COMPILE_CHILDREN ?? 1000);

/** The roles the flow vocabulary knows about, as the engine's actor. */
const actorOf = (u: AuthUser): Actor => ({ userId: u.id, unitId: u.unitId, roles: u.roles as Actor['roles'] });

@Injectable()
export class SubmissionsService {
  constructor(
    private readonly repo: SubmissionsRepository,
    private readonly defs: DefinitionsService,
    private readonly signing: SigningService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly compiler: CompileService,
    private readonly jobs: JobsService,
    private readonly hooks: SigningHooks,
    private readonly roles: RolesService,
    private readonly coverage: CoverageService,
  ) {}

  // ───────────── reading ─────────────

  async visible(user: AuthUser, id: string, m?: EntityManager, forUpdate = false): Promise<SubmissionRow> {
    const row = await this.repo.byId(id, m, forUpdate);
    // Another subtree's submission does not exist for this user (404, not 403).
    if (!row || !isBelowOrSame(row.unitPath, user.unitPath)) throw notFound(NOT_FOUND);
    return row;
  }

  async list(user: AuthUser, q: ListSubmissionsQuery): Promise<Page<SubmissionSummary<Date>>> {
    const p = paging(q, Object.keys(SORTS));
    const { rows, total } = await this.repo.page(user.unitPath, q, p);
    return pageOf(await Promise.all(rows.map((r) => this.summary(r))), total, p);
  }

  async get(user: AuthUser, id: string) {
    return this.view(user, await this.visible(user, id));
  }

  /**
   * "Việc cần làm" and the lists beside it. `todo`: everything waiting for this user (the events they may
   * send decide the task; bounded by their unit and its children, paged after that decision). `sent` and
   * `done`: their own unit's reports by the meaning of their state (WORK_LIST_TAGS), paged in SQL.
   */
  async myWork(user: AuthUser, q: MyWorkQuery): Promise<WorkPage<Date> | Page<SubmissionSummary<Date>>> {
    const list = q.list ?? 'todo';
    if (list !== 'todo') {
      const p = paging(q, Object.keys(SORTS));
      const filter = { unitId: user.unitId, anyTags: [...WORK_LIST_TAGS[list]], orFinal: list === 'done', notFinal: list === 'sent' };
      const { rows, total } = await this.repo.page(user.unitPath, filter, p);
      return pageOf(await Promise.all(rows.map((r) => this.summary(r))), total, p);
    }
    const p = paging(q, ['deadline', 'unitName', 'updatedAt']);
    const rows = await this.repo.workCandidates(user.unitId, p.folded);
    const now = new Date();
    const out: WorkItem<Date>[] = [];
    for (const r of rows) {
      const events = await this.allowed(user, r, now);
      if (!events.length) continue;
      const task = taskOf(events.map((e) => e.kind));
      const def = await this.defs.flow(r.flowVersionId);
      const daysLeft = r.deadline ? Math.ceil((new Date(r.deadline).getTime() - now.getTime()) / 86_400_000) : null;
      // The flow's own words for the step (e.g. "Chờ phó hiệu trưởng duyệt"), not a fixed task name.
      out.push({ ...(await this.summary(r)), task, stepLabel: stateLabel(def, r.state), daysLeft, allowedEvents: events });
    }
    // The tabs by task count the whole list; the search already ran in SQL: page what is left, in the order asked.
    const taskCounts: Partial<Record<Task, number>> = {};
    for (const w of out) taskCounts[w.task] = (taskCounts[w.task] ?? 0) + 1;
    const shown = q.task ? out.filter((w) => w.task === q.task) : out;
    const page = pageArray(shown, { ...p, folded: undefined }, {
      text: () => '',
      sortBy: { deadline: (w) => w.deadline, unitName: (w) => w.unitName, updatedAt: (w) => w.updatedAt },
    });
    return { ...page, taskCounts };
  }

  /** One report's log is short (tens of entries): paged in memory, searched in its labels, names and comments. */
  async history(user: AuthUser, id: string, q: PageQuery): Promise<Page<HistoryEntry<Date>>> {
    const p = paging(q, ['seq', 'at']);
    const row = await this.visible(user, id);
    const def = await this.defs.flow(row.flowVersionId);
    const logs = await this.repo.logs(id);
    const entries = logs.map((l) => ({
      seq: l.seq,
      event: l.event,
      eventLabel: eventLabel(def, l.event),
      from: l.fromState,
      fromLabel: stateLabel(def, l.fromState),
      to: l.toState,
      toLabel: stateLabel(def, l.toState),
      actorId: l.actorId,
      actorName: l.actorName,
      comment: l.comment,
      at: l.at,
      hash: l.hash,
    }));
    return pageArray(entries, p, {
      text: (e) => [e.eventLabel, e.fromLabel, e.toLabel, e.actorName, e.comment].join(' '),
      sortBy: { seq: (e) => e.seq, at: (e) => e.at },
    });
  }

  async children(user: AuthUser, id: string) {
    const row = await this.visible(user, id);
    const kids = await this.repo.children(row.roundId, row.unitId);
    const now = Date.now();
    const hashes = await this.compiler.contentHashes(kids.map((k) => k.id));
    return Promise.all(
      kids.map(async (k) => {
        const usedHash = row.compiled?.sources?.[k.id] ?? null;
        return {
          ...(await this.summary(k)),
          late: !!k.deadline && new Date(k.deadline).getTime() < now && !k.locked && !k.final,
          includedInCompile: usedHash !== null,
          changedSinceCompile: usedHash !== null && usedHash !== hashes.get(k.id),
        };
      }),
    );
  }

  async returned(user: AuthUser, id: string) {
    await this.visible(user, id);
    const r = await this.repo.returned(id);
    if (!r) throw notFound('Báo cáo chưa từng bị trả lại.');
    return r;
  }

  async previous(user: AuthUser, id: string) {
    const row = await this.visible(user, id);
    return (await this.repo.previous(row)) ?? null;
  }

  // ───────────── writing ─────────────

  async saveData(user: AuthUser, id: string, data: Record<string, unknown>, version: number) {
    // Autosave is the most frequent write: decide from a light row, without loading the stored jsonb.
    const row = await this.repo.accessRow(id);
    if (!row || !isBelowOrSame(row.unitPath, user.unitPath)) throw notFound(NOT_FOUND);
    if (!mayEditData(user, row)) throw forbidden('Chỉ người nhập liệu của đơn vị mới được sửa báo cáo này.');
    if (row.locked || row.final) throw conflict('Báo cáo đã khóa (đã ký hoặc đã nộp), không thể sửa.', { currentVersion: row.version });
    const { template, compiled } = await this.context(row);
    const schema = this.defs.schemaFor(template, compiled);
    // Computed fields are the server's to fill, whatever the browser sent.
    const withComputed = applyComputed(schema, data) as Record<string, unknown>;
    const errors = this.defs.validator(template, compiled).validateDraft(withComputed);
    if (errors.length) throw unprocessable(summarise(errors), errors.map(toProblem));
    return this.repo.transaction(async (m) => {
      const saved = await this.repo.saveData(m, id, withComputed, version);
      if (!saved) {
        const now = await this.repo.byId(id, m);
        if (now?.locked) throw conflict('Báo cáo đã khóa (đã ký hoặc đã nộp), không thể sửa.', { currentVersion: now.version });
        throw conflict('Báo cáo đã được người khác lưu trước bạn. Hãy tải lại để xem thay đổi.', { currentVersion: now?.version, data: now?.data });
      }
      await this.audit.record(m, { actorId: user.id, action: 'save', entity: 'submission', entityId: id, detail: { version: saved.version } });
      // A draft keeps data that breaks a rule; the findings go back so the clerk sees them at once.
      const findings = this.defs.validator(template, compiled).checkRules(withComputed).map(toFinding);
      const contentHash = this.signing.contentHash(withComputed, await this.repo.attachmentHashes(id, m));
      return { id, version: saved.version, data: withComputed, updatedAt: saved.updatedAt, contentHash, findings };
    });
  }

  /**
   * A COMPILE over more than largeCompileChildren() children runs as a job (heavy work never in a request):
   * the answer is then `{queued: true, jobId}`; the job sends the same event with `inJob`.
   */
  async sendEvent(user: AuthUser, id: string, dto: SendEventDto, opts: { inJob?: boolean } = {}) {
    if (!opts.inJob) {
      const row = await this.visible(user, id);
      const def = await this.defs.flow(row.flowVersionId);
      if (eventKind(def, row.state, dto.type) === 'compile') {
        const allowed = await this.allowed(user, row);
        const children = (await this.repo.childCounts(row.roundId, row.unitId)).total;
        if (children > largeCompileChildren() && allowed.some((e) => e.type === dto.type)) {
          const jobId = await this.jobs.enqueue(
            JOB.compileLarge,
            { submissionId: id, userId: user.id, eventType: dto.type, requestedAt: new Date().toISOString() },
            { userId: user.id, singletonKey: `compile:${id}` },
          );
          return { queued: true as const, jobId, message: `Đang tổng hợp ${children} đơn vị trong nền; theo dõi tiến độ tại /api/jobs/${jobId}.` };
        }
      }
    }
    await this.repo.transaction(async (m) => {
      // The row lock serialises events on one submission: of two at once, the second sees the new state.
      const row = await this.visible(user, id, m, true);
      const def = await this.defs.flow(row.flowVersionId);
      if (!flowHasEvent(def, dto.type))
        throw badRequest(`Thao tác "${dto.type}" không có trong quy trình của báo cáo này.`);
      const attachmentHashes = await this.repo.attachmentHashes(id, m);
      // What the user saw must still be what is stored: otherwise nothing happens (409).
      refuseStaleContent(dto.contentHash, this.signing.contentHash(row.data, attachmentHashes));
      const { template, compiled } = await this.context(row);
      const formErrors = this.defs.validator(template, compiled).validateComplete(row.data);
      // Refusals name a province's roles by their Vietnamese label.
      const facts = { ...(await this.facts(row, formErrors.length, m)), roleLabels: await this.roles.labelsAt(row.unitPath, m) };
      const event: FlowEvent = { type: dto.type, comment: dto.comment };
      const now = new Date();
      const result = transition(def, row.snapshot, event, actorOf(user), facts, now);
      if (!result.ok) throw refusalToHttp(result.refusal, formErrors, dto.type, def, row.state);
      // Content is sealed by a signature or a final state: it must pass the complete check (rules included).
      refuseUnsealable(result.effects, isFinalState(def, result.snapshot), formErrors, eventLabel(def, dto.type));

      const kind = eventKind(def, result.from, dto.type);
      const toTags = stateTags(def, result.to);
      const patch: Parameters<SubmissionsRepository['applyTransition']>[2] = {
        state: result.to,
        stateTags: toTags,
        snapshot: result.snapshot,
        final: isFinalState(def, result.snapshot),
        locked: row.locked,
      };
      let data = row.data;
      for (const effect of result.effects) {
        switch (effect.type) {
          case 'lockData':
            patch.locked = true;
            break;
          case 'unlockData':
            patch.locked = false;
            // Kept so the reviewer later sees what changed since it was sent back.
            patch.returnedData = row.data;
            break;
          case 'compileChildren': {
            const c = await this.compile(m, row, template, effect, dto.overwrite);
            data = c.data;
            patch.data = c.data;
            patch.compiled = c.compiled;
            break;
          }
          case 'sign': {
            patch.signature = {
              hash: this.signing.contentHash(data, attachmentHashes),
              signedBy: user.id,
              signedByName: user.fullName,
              role: 'head',
              unitId: user.unitId,
              signedAt: now.toISOString(),
              attachmentHashes,
            } satisfies SignatureRecord;
            break;
          }
          case 'notify':
            await this.notifications.notifyForEffect(m, row, effect, { type: dto.type, label: eventLabel(def, dto.type) }, user);
            break;
          default:
            break;
        }
      }
      // The state's tags lock the data (from the signer's desk on), whatever the effects said.
      if (locksDataTags(toTags)) patch.locked = true;
      if (dto.fieldComments?.length || kind === 'return' || kind === 'reject') {
        patch.fieldComments = (dto.fieldComments ?? []).map(
          (c): FieldComment => ({ path: c.path, text: c.text, by: user.id, byName: user.fullName, at: now.toISOString() }),
        );
      } else if (kind === 'accept') patch.fieldComments = [];
      if (patch.locked === false && row.signature && kind !== 'sign') patch.signature = null;

      await this.repo.applyTransition(m, id, patch);
      // The official signed PDF (PAdES) follows in the same transaction: the signer's signature, the seal when issued.
      await this.hooks.afterTransition({
        m,
        submissionId: id,
        signed: result.effects.some((e) => e.type === 'sign'),
        becameFinal: patch.final && !row.final,
        actor: { id: user.id, fullName: user.fullName },
        row: await this.repo.byId(id, m),
        at: now,
      });
      await this.appendLog(m, row.id, result.from, result.to, dto.type, user, result.logEntry.comment ?? null, result.effects, data, now);
      // A child entering or leaving `done` changes what its parent compiled from.
      if (row.parentUnitId && (isDoneTags(toTags) || isDoneTags(stateTags(def, result.from))))
        await this.repo.markParentCompiledStale(m, row.roundId, row.parentUnitId);
      await this.audit.record(m, {
        actorId: user.id,
        action: `event:${dto.type}`,
        entity: 'submission',
        entityId: id,
        detail: { from: result.from, to: result.to },
      });
      return true;
    });
    return this.get(user, id);
  }

  private async appendLog(
    m: EntityManager,
    submissionId: string,
    from: string,
    to: string,
    event: string,
    user: AuthUser,
    comment: string | null,
    effects: Effect[],
    data: unknown,
    at: Date,
  ) {
    const last = await this.repo.lastLog(m, submissionId);
    const body = {
      submissionId,
      seq: (last?.seq ?? 0) + 1,
      event,
      fromState: from,
      toState: to,
      actorId: user.id,
      comment,
      effects: effects as unknown[],
      dataHash: this.signing.contentHash(data, []),
      at: at.toISOString(),
      prevHash: last?.hash ?? null,
    };
    await this.repo.insertLog(m, { ...body, at, actorName: user.fullName, hash: this.signing.logHash(body) });
  }

  /** Rolls up the children whose state carries the tags the action names (`done` by default), with provenance.
   *  Also used by the preview, inside a transaction that writes nothing. */
  compile(m: EntityManager, row: SubmissionRow, template: LoadedTemplate, effect: Effect, overwrite?: string[]) {
    return this.compiler.compile(m, row, template.schema, compileSelection(effect.params), undefined, { rollUpSchema: this.defs.schemaFor(template, true), overwrite });
  }

  // ───────────── helpers ─────────────

  async context(row: Pick<SubmissionRow, 'flowVersionId' | 'templateVersionId'>) {
    const def = await this.defs.flow(row.flowVersionId);
    const template = await this.defs.template(row.templateVersionId);
    return { def, template, compiled: this.defs.isCompileFlow(def) };
  }

  private async facts(row: SubmissionRow, formErrorCount: number, m?: EntityManager): Promise<SubmissionFacts> {
    // Children are counted only for flows whose guards look at them (a school's flow never does).
    const def = await this.defs.flow(row.flowVersionId);
    const kids = this.defs.usesChildren(def) ? await this.repo.childCounts(row.roundId, row.unitId, m) : { total: 0, accepted: 0 };
    return {
      unitId: row.unitId,
      parentUnitId: row.parentUnitId,
      formErrorCount,
      childrenTotal: kids.total,
      childrenAccepted: kids.accepted,
      deadline: row.deadline ? new Date(row.deadline).toISOString() : null,
    };
  }

  /**
   * The UI's buttons. An event held back only by an incomplete form is still offered, with the reason,
   * so that pressing it lists the missing fields (the server refuses it with the 422 anyway).
   */
  private async allowed(user: AuthUser, row: SubmissionRow, now = new Date()) {
    const { def, template, compiled } = await this.context(row);
    const errors = this.defs.validator(template, compiled).validateComplete(row.data);
    const facts = await this.facts(row, errors.length);
    const real = allowedEvents(def, row.snapshot, actorOf(user), facts, now);
    if (!errors.length) return real;
    const ifValid = allowedEvents(def, row.snapshot, actorOf(user), { ...facts, formErrorCount: 0 }, now);
    return ifValid.map((e) =>
      real.some((r) => r.type === e.type) ? e : { ...e, blockedReason: `Biểu mẫu còn ${errors.length} lỗi cần sửa trước khi gửi.` },
    );
  }

  private async summary(r: SubmissionSummaryRow): Promise<SubmissionSummary<Date>> {
    const def = await this.defs.flow(r.flowVersionId);
    return {
      id: r.id,
      roundId: r.roundId,
      roundName: r.roundName,
      unitId: r.unitId,
      unitCode: r.unitCode,
      unitName: r.unitName,
      unitKind: r.unitKind,
      parentUnitId: r.parentUnitId,
      templateCode: r.templateCode,
      templateVersion: r.templateVersion,
      flowCode: r.flowCode,
      state: r.state,
      stateLabel: stateLabel(def, r.state),
      // The state's meaning: the frontend asks these, never the state's name.
      stateTags: r.stateTags,
      status: stateStatus(def, r.state) ?? null,
      handedIn: isHandedInTags(r.stateTags) || r.final,
      final: r.final,
      locked: r.locked,
      version: r.version,
      deadline: r.deadline,
      updatedAt: r.updatedAt,
    };
  }

  private async view(user: AuthUser, row: SubmissionRow) {
    const { template, compiled } = await this.context(row);
    return {
      ...(await this.summary(row)),
      data: row.data,
      // The UI's read-only switch, by the same rule the save applies.
      editable: mayEditData(user, row) && !row.locked && !row.final,
      allowedEvents: await this.allowed(user, row),
      signature: row.signature,
      fieldComments: row.fieldComments,
      compiled: row.compiled
        ? { included: row.compiled.included, total: row.compiled.total, stale: row.compiled.stale, compiledAt: row.compiled.compiledAt, kept: row.compiled.kept ?? [] }
        : null,
      // What the user sees now: events that seal content must carry it back (409 when it moved on).
      contentHash: this.signing.contentHash(row.data, await this.repo.attachmentHashes(row.id)),
      findings: this.defs.validator(template, compiled).checkRules(row.data).map(toFinding),
      coverage: compiled ? await this.coverage.of(row) : null,
    };
  }
}

/** The task a work item is, from the kinds of the events the user may send (never their names). */
function taskOf(kinds: string[]): 'sign' | 'review' | 'approve' | 'compile' | 'fill' {
  if (kinds.includes('sign')) return 'sign';
  if (kinds.includes('accept') || kinds.includes('return')) return 'review';
  if (kinds.includes('approve') || kinds.includes('reject')) return 'approve';
  if (kinds.includes('compile')) return 'compile';
  return 'fill';
}

