import { Injectable } from '@nestjs/common';
import type { HistoryEntry, Page, SubmissionListItem, SubmissionSummary, Task, WorkItem, WorkPage } from '@bdg/api-types';
import {
  type Actor,
  allowedEvents,
  eventLabel,
  type FlowDefinition,
  eventLocksData,
  isHandedInTags,
  isLate,
  kindsFor,
  stateLabel,
  stateStatus,
  type SubmissionFacts,
  WORK_LIST_TAGS,
} from '@bdg/workflows';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/current-user.js';
import { isBelowOrSame } from '../common/access.js';
import { keyedPageOf } from '../common/keyset.js';
import { type PageQuery, pageArray, paging } from '../common/paging.js';
import { conflict, forbidden, notFound, unprocessable } from '../common/errors.js';
import { JsonText } from '../common/json-text.js';
import { SigningService } from '../signing/signing.service.js';
import type { BodyText } from '../validation/body-text.js';
import { CompileService } from './compile.service.js';
import { mayEditData, summarise, toFinding, toProblem, toProblems } from './content-guards.js';
import { CoverageService } from './coverage.service.js';
import { RawInputsService } from './raw-inputs.service.js';
import { DefinitionsService } from './definitions.service.js';
import type { ListSubmissionsQuery, MyWorkQuery } from './submissions.dto.js';
import { SORTS, type SubmissionListRow, SubmissionsRepository, type SubmissionRow, WORK_SORTS, type WorkKinds } from './submissions.repository.js';

const NOT_FOUND = 'Không tìm thấy báo cáo.';

/** What an answer may reuse instead of reading or validating again. */
export interface Known {
  attachmentHashes?: string[];
  /** How many errors the complete check found in `row.data`. */
  completeErrors?: number;
  /** The content hash of `row.data` with its attachments, computed by the caller. */
  contentHash?: string;
  /** The children's counts, already read in this transaction (a large subtree's are not read twice). */
  children?: { total: number; accepted: number };
}

/** The roles the flow vocabulary knows about, as the engine's actor. */
const actorOf = (u: AuthUser): Actor => ({ userId: u.id, unitId: u.unitId, roles: u.roles as Actor['roles'] });

@Injectable()
export class SubmissionsService {
  constructor(
    private readonly repo: SubmissionsRepository,
    private readonly defs: DefinitionsService,
    private readonly signing: SigningService,
    private readonly audit: AuditService,
    private readonly compiler: CompileService,
    private readonly coverage: CoverageService,
    private readonly rawInputs: RawInputsService,
  ) {}

  // ───────────── reading ─────────────

  async visible(user: AuthUser, id: string, m?: EntityManager): Promise<SubmissionRow> {
    const row = await this.repo.byId(id, m);
    // Another subtree's submission does not exist for this user (404, not 403).
    if (!row || !isBelowOrSame(row.unitPath, user.unitPath)) throw notFound(NOT_FOUND);
    return row;
  }

  async list(user: AuthUser, q: ListSubmissionsQuery): Promise<Page<SubmissionListItem<Date>>> {
    const p = paging(q, Object.keys(SORTS));
    const { items, nextCursor, count } = await this.repo.page(user.unitPath, q, p);
    return keyedPageOf({ items: await Promise.all(items.map((r) => this.listItem(r))), nextCursor }, count, p);
  }

  async get(user: AuthUser, id: string) {
    return this.view(user, await this.visible(user, id));
  }

  /**
   * "Việc cần làm" and the lists beside it. `todo`: everything waiting for this user (the events they may
   * send decide the task; bounded by their unit and its children, paged after that decision). `sent` and
   * `done`: their own unit's reports by the meaning of their state (WORK_LIST_TAGS), paged in SQL.
   */
  async myWork(user: AuthUser, q: MyWorkQuery): Promise<WorkPage<Date> | Page<SubmissionListItem<Date>>> {
    const list = q.list ?? 'todo';
    if (list !== 'todo') {
      const p = paging(q, Object.keys(SORTS));
      const filter = { unitId: user.unitId, anyTags: [...WORK_LIST_TAGS[list]], orFinal: list === 'done', notFinal: list === 'sent' };
      const { items, nextCursor, count } = await this.repo.page(user.unitPath, filter, p);
      return keyedPageOf({ items: await Promise.all(items.map((r) => this.listItem(r))), nextCursor }, count, p);
    }
    const p = paging(q, Object.keys(WORK_SORTS));
    const kinds = await this.workKinds(user);
    const { rows, counts } = kinds.tasks.length ? await this.repo.workPage(user.unitId, kinds, p, q.task) : { rows: [], counts: {} };
    // The engine decides the buttons of the page shown (≤ pageSize reports), from the whole rows.
    const full = new Map((rows.length ? await this.repo.byIds(rows.map((r) => r.id)) : []).map((r) => [r.id, r]));
    const now = new Date();
    const items = await Promise.all(
      rows.map(async (r): Promise<WorkItem<Date>> => {
        const row = full.get(r.id)!;
        const def = await this.defs.flow(r.flowVersionId);
        const daysLeft = r.deadline ? Math.ceil((new Date(r.deadline).getTime() - now.getTime()) / 86_400_000) : null;
        // The flow's own words for the step (e.g. "Chờ phó hiệu trưởng duyệt"), not a fixed task name.
        return { ...(await this.summary(row)), task: r.task as Task, stepLabel: stateLabel(def, r.state, row), daysLeft, allowedEvents: await this.allowed(user, row, now) };
      }),
    );
    const taskCounts = counts as Partial<Record<Task, number>>;
    const total = q.task ? (taskCounts[q.task] ?? 0) : Object.values(taskCounts).reduce((a, b) => a + (b ?? 0), 0);
    return { items, total, page: p.page, pageSize: p.pageSize, taskCounts };
  }

  /**
   * Where this user has work, by the flows' own words: for each (flow version, state) of the open reports of
   * their unit and its children, the task their roles give them there (role and place guards, @bdg/workflows
   * kindsFor) — parameters of the SQL that classifies, counts and pages the list.
   */
  private async workKinds(user: AuthUser): Promise<WorkKinds> {
    const out: WorkKinds = { flowVersionIds: [], states: [], own: [], tasks: [] };
    for (const w of await this.repo.workStates(user.unitId)) {
      const kinds = kindsFor(await this.defs.flow(w.flowVersionId), w.state, user.roles, w.own ? 'own' : 'child');
      if (!kinds.length) continue;
      out.flowVersionIds.push(w.flowVersionId);
      out.states.push(w.state);
      out.own.push(w.own);
      out.tasks.push(taskOf(kinds));
    }
    return out;
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
      fromLabel: stateLabel(def, l.fromState, row),
      to: l.toState,
      toLabel: stateLabel(def, l.toState, row),
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
    const now = new Date();
    const hashes = await this.compiler.contentHashes(kids.map((k) => k.id));
    return Promise.all(
      kids.map(async (k) => {
        const usedHash = row.compiled?.sources?.[k.id] ?? null;
        return {
          ...(await this.summary(k)),
          late: isLate(k, now),
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

  /**
   * A draft save. `data` is a BodyText when the body was large (common/large-body.ts): the worker that checks
   * it also serialises and canonicalises it, and the answer carries its text as it is (JsonText).
   */
  async saveData(user: AuthUser, id: string, data: Record<string, unknown> | BodyText, version: number, rawInputs?: Record<string, string>) {
    // Autosave is the most frequent write: decide from a light row, without loading the stored jsonb.
    const row = await this.repo.accessRow(id);
    if (!row || !isBelowOrSame(row.unitPath, user.unitPath)) throw notFound(NOT_FOUND);
    if (!mayEditData(user, row)) throw forbidden('Chỉ người nhập liệu của đơn vị mới được sửa báo cáo này.');
    if (row.locked || row.final) throw conflict('Báo cáo đã khóa (đã ký hoặc đã nộp), không thể sửa.', { currentVersion: row.version });
    const { template, compiled } = await this.context(row);
    // Computed fields are the server's to fill, whatever the browser sent; a large body is checked off the event loop.
    // The check also says which typed-in pointers now have a value (their kept typo is dropped).
    const checked = await this.defs.checkDraft(template, compiled, data, Object.keys(rawInputs ?? row.rawInputs ?? {}));
    if (checked.errorCount) throw unprocessable(summarise(checked.errors, checked.errorCount), toProblems(checked.errors, checked.errorCount));
    // Typos travel beside the data; a field that has a value now drops its kept typo.
    const sentRaw = this.rawInputs.check(this.defs.schemaFor(template, compiled), rawInputs);
    const keptRaw = this.rawInputs.kept(sentRaw, row.rawInputs, new Set(checked.filled));
    // One statement: the update and its audit row commit together, or neither happens.
    const audit = { actorId: user.id, action: 'save', entity: 'submission', entityId: id, detail: { version: version + 1 } };
    const saved = await this.repo.saveData(id, checked.json, keptRaw, version, (params, from) => this.audit.cte(audit, params, from));
    if (!saved) {
      const now = await this.repo.byId(id);
      if (now?.locked) throw conflict('Báo cáo đã khóa (đã ký hoặc đã nộp), không thể sửa.', { currentVersion: now.version });
      throw conflict('Báo cáo đã được người khác lưu trước bạn. Hãy tải lại để xem thay đổi.', { currentVersion: now?.version, data: now?.data });
    }
    // A draft keeps data that breaks a rule; the findings go back so the clerk sees them at once.
    const findings = checked.findings.map(toFinding);
    // The canonical form came with the check (a worker's, for a large body): only the native SHA-256 runs here.
    const contentHash = this.signing.contentHashOfCanonical(checked.canonical, saved.attachmentHashes);
    const answer = { id, version: saved.version, rawInputs: keptRaw, updatedAt: saved.updatedAt, contentHash, findings };
    return checked.data ? { ...answer, data: checked.data } : new JsonText(answer, 'data', checked.json);
  }

  // ───────────── helpers ─────────────

  async context(row: Pick<SubmissionRow, 'flowVersionId' | 'templateVersionId'>) {
    const def = await this.defs.flow(row.flowVersionId);
    const template = await this.defs.template(row.templateVersionId);
    return { def, template, compiled: this.defs.isCompileFlow(def) };
  }

  async facts(row: SubmissionRow, def: FlowDefinition, formErrorCount: number, m?: EntityManager, known?: Known['children']): Promise<SubmissionFacts> {
    // Children are counted only for flows whose guards look at them (a school's flow never does).
    const kids = this.defs.usesChildren(def) ? (known ?? (await this.repo.childCounts(row.roundId, row.unitId, m))) : { total: 0, accepted: 0 };
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
  async allowed(user: AuthUser, row: SubmissionRow, now = new Date(), known: Known = {}, m?: EntityManager) {
    const { def, template, compiled } = await this.context(row);
    const errors = known.completeErrors ?? this.defs.validator(template, compiled).validateComplete(row.data).length;
    const facts = await this.facts(row, def, errors, m, known.children);
    const real = allowedEvents(def, row.snapshot, actorOf(user), facts, now);
    if (!errors) return real;
    const ifValid = allowedEvents(def, row.snapshot, actorOf(user), { ...facts, formErrorCount: 0 }, now);
    return ifValid.map((e) =>
      real.some((r) => r.type === e.type) ? e : { ...e, blockedReason: `Biểu mẫu còn ${errors} lỗi cần sửa trước khi gửi.` },
    );
  }

  /** A row of a large list: what its table shows, labelled by the flow (cached per flow version). */
  private async listItem(r: SubmissionListRow): Promise<SubmissionListItem<Date>> {
    const def = await this.defs.flow(r.flowVersionId);
    return {
      ...whereFrom(r),
      parentUnitName: r.parentUnitName,
      parentUnitKind: r.parentUnitKind,
      templateCode: r.templateCode,
      ...statusOf(def, r),
      version: r.version,
      deadline: r.deadline,
      updatedAt: r.updatedAt,
    };
  }

  private async summary(r: SubmissionRow): Promise<SubmissionSummary<Date>> {
    const def = await this.defs.flow(r.flowVersionId);
    return {
      ...whereFrom(r),
      parentUnitId: r.parentUnitId,
      parentUnitName: r.parentUnitName ?? null,
      parentUnitKind: r.parentUnitKind ?? null,
      templateCode: r.templateCode,
      templateVersion: r.templateVersion,
      flowCode: r.flowCode,
      ...statusOf(def, r),
      locked: r.locked,
      version: r.version,
      deadline: r.deadline,
      updatedAt: r.updatedAt,
    };
  }

  /** A submission as its page shows it; `known` holds what the caller already computed (an event's answer). */
  async view(user: AuthUser, row: SubmissionRow, known: Known = {}) {
    const { def, template, compiled } = await this.context(row);
    const editable = mayEditData(user, row) && !row.locked && !row.final;
    const validator = this.defs.validator(template, compiled);
    // One complete check serves the buttons and the editor's missing fields (an event's answer brings its count).
    const complete = editable || known.completeErrors === undefined ? validator.validateComplete(row.data) : null;
    return {
      ...(await this.summary(row)),
      data: row.data,
      rawInputs: row.rawInputs ?? (await this.rawInputs.get(row.id)),
      // The UI's read-only switch, by the same rule the save applies.
      editable,
      // locksData: the UI confirms such a step first (from the target's tags).
      allowedEvents: (await this.allowed(user, row, new Date(), { ...known, completeErrors: complete?.length ?? known.completeErrors })).map((e) => ({ ...e, locksData: eventLocksData(def, row.state, e.type) })),
      signature: row.signature,
      fieldComments: row.fieldComments,
      compiled: row.compiled
        ? { included: row.compiled.included, total: row.compiled.total, stale: row.compiled.stale, compiledAt: row.compiled.compiledAt, kept: row.compiled.kept ?? [] }
        : null,
      // What the user sees now: events that seal content must carry it back (409 when it moved on).
      contentHash: known.contentHash ?? this.signing.contentHash(row.data, known.attachmentHashes ?? (await this.repo.attachmentHashes(row.id))),
      findings: validator.checkRules(row.data).map(toFinding),
      // The editor's page shows these at once and loads its own check (the same code) only when the clerk starts typing.
      missingRequired: editable && complete ? complete.filter((e) => e.keyword === 'required').map(toProblem) : null,
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

/** The report's round and unit, as every list and page names them. */
const whereFrom = (r: SubmissionListRow) => ({
  id: r.id,
  roundId: r.roundId,
  roundName: r.roundName,
  unitId: r.unitId,
  unitCode: r.unitCode,
  unitName: r.unitName,
  unitKind: r.unitKind,
});

/** The state as the screens read it: its label from the flow, its tags (the meaning: never the state's name), handed in, final. */
const statusOf = (def: FlowDefinition, r: Pick<SubmissionListRow, 'state' | 'stateTags' | 'final' | 'parentUnitName' | 'parentUnitKind'>) => ({
  state: r.state,
  stateLabel: stateLabel(def, r.state, r),
  stateTags: r.stateTags,
  status: stateStatus(def, r.state) ?? null,
  handedIn: isHandedInTags(r.stateTags) || r.final,
  final: r.final,
});
