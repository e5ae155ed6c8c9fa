import { Injectable } from '@nestjs/common';
import { canonicalJson, type FieldError } from '@bdg/schemas';
import {
  type Actor,
  compileSelection,
  type Effect,
  eventKind,
  eventLabel,
  type FlowDefinition,
  flowHasEvent,
  isDoneTags,
  isFinalState,
  locksDataTags,
  stateTags,
  transition,
  type TransitionResult,
} from '@bdg/workflows';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { isBelowOrSame } from '../common/access.js';
import type { AuthUser } from '../common/current-user.js';
import { badRequest, conflict, notFound } from '../common/errors.js';
import { JOB } from '../jobs/job-names.js';
import { JobsService } from '../jobs/jobs.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { RawInputsService } from './raw-inputs.service.js';
import { RolesService } from '../roles/roles.service.js';
import { SigningHooks } from '../signing/signing-hooks.js';
import { SigningService } from '../signing/signing.service.js';
import { CompileService, largeCompileChildren } from './compile.service.js';
import { refusalToHttp, refuseStaleContent, refuseUnsealable } from './content-guards.js';
import { DefinitionsService, type LoadedTemplate } from './definitions.service.js';
import type { FieldComment } from './submission.entity.js';
import type { SendEventDto } from './submissions.dto.js';
import { SubmissionsRepository, type SubmissionRow } from './submissions.repository.js';
import { SubmissionsService } from './submissions.service.js';
import { EFFECTS_IN_ONE_STATEMENT, type EffectContext, type EffectTable, submissionEffects } from './transition-effects.js';
import { type LockedRow, type LogEntry, type TransitionPatch, TransitionsRepository } from './transitions.repository.js';

const NOT_FOUND = 'Không tìm thấy báo cáo.';
/** Above this many children, COMPILE runs as a background job. */
export { largeCompileChildren };

/** The roles the flow vocabulary knows about, as the engine's actor. */
const actorOf = (u: AuthUser): Actor => ({ userId: u.id, unitId: u.unitId, roles: u.roles as Actor['roles'] });

type Outcome =
  | { queue: { children: number } }
  | { row: SubmissionRow; completeErrors?: number; contentHash?: string; attachmentHashes: string[] }
  /** Read without the lock, the event needs it (it compiles, signs or issues): sent again in a transaction. */
  | { needsLock: LockedRow };
type RunMode = { inJob: boolean; locked: boolean; prepared?: unknown };
type Decided = Extract<TransitionResult, { ok: true }>;

const MOVED_ON = 'Báo cáo vừa được thay đổi bởi một thao tác khác. Hãy tải lại báo cáo rồi thử lại.';

/**
 * Events: the engine decides (pure), the effect table executes what it returned, one statement writes
 * the state, its log entry and its audit row, and the answer is built from the row already held.
 */
@Injectable()
export class TransitionsService {
  private readonly effects: EffectTable;

  constructor(
    private readonly repo: TransitionsRepository,
    private readonly submissions: SubmissionsRepository,
    private readonly query: SubmissionsService,
    private readonly defs: DefinitionsService,
    private readonly signing: SigningService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly compiler: CompileService,
    private readonly jobs: JobsService,
    private readonly hooks: SigningHooks,
    private readonly roles: RolesService,
    private readonly rawInputs: RawInputsService,
  ) {
    this.effects = {
      ...submissionEffects({
        compile: (c, e) => this.compile(c.m, c.row, c.template, e, c.dto.overwrite, c.inJob),
        contentHash: (data, hashes) => this.signing.contentHash(data, hashes),
      }),
      // Notifications are the notifications module's rows: it writes them, folded into the transition's statement.
      notify: (c, e) => {
        c.writes.push(...this.notifications.effectWrites(c.row, e, c.event, c.user));
      },
    };
  }

  /**
   * A COMPILE over more than largeCompileChildren() children runs as a job (heavy work never in a request):
   * the answer is then `{queued: true, jobId}`; the job sends the same event (sendInJob).
   */
  async send(user: AuthUser, id: string, dto: SendEventDto) {
    const out = await this.apply(user, id, dto, false);
    if ('queue' in out) {
      const jobId = await this.jobs.enqueue(
        JOB.compileLarge,
        { submissionId: id, userId: user.id, eventType: dto.type, requestedAt: new Date().toISOString() },
        { userId: user.id, singletonKey: `compile:${id}` },
      );
      return { queued: true as const, jobId, message: `Đang tổng hợp ${out.queue.children} đơn vị trong nền; theo dõi tiến độ tại /api/jobs/${jobId}.` };
    }
    return this.query.view(user, out.row, out);
  }

  /**
   * The same event sent by the compile-large job, answered with what the job reports: not the user's view
   * of the report, whose coverage alone reads every child again.
   */
  async sendInJob(user: AuthUser, id: string, dto: SendEventDto): Promise<{ state: string; compiled: { included: number; total: number } | null }> {
    const out = await this.apply(user, id, dto, true);
    if ('queue' in out) throw new Error('A compile in its job is never queued again.');
    const c = out.row.compiled;
    return { state: out.row.state, compiled: c ? { included: c.included, total: c.total } : null };
  }

  private async apply(user: AuthUser, id: string, dto: SendEventDto, inJob: boolean): Promise<Exclude<Outcome, { needsLock: LockedRow }>> {
    // Most events (hand in, return, approve) write the row, its log, its audit row and notifications only: one
    // statement, conditioned on the version read, without a transaction. The others take the row lock.
    let out = await this.run(this.submissions.autocommit, user, id, dto, { inJob, locked: false });
    if ('needsLock' in out) {
      const seen = out.needsLock;
      // The signed PDF (render + PAdES: seconds, maybe a remote service) is prepared before the transaction,
      // from the content the signer sees; the transaction stores it only if it signs that same content hash.
      const prepared = await this.hooks.prepare({
        user,
        submissionId: id,
        row: seen,
        eventType: dto.type,
        mayAct: async () => (await this.query.allowed(user, seen)).some((e) => e.type === dto.type && !('blockedReason' in e)),
      });
      out = await this.submissions.transaction((m) => this.run(m, user, id, dto, { inJob, locked: true, prepared }));
    }
    if ('needsLock' in out) throw new Error('an event under the row lock needs no other lock');
    return out;
  }

  /** Reads the row (under its lock when `locked`), asks the engine, and writes what it decided. */
  private async run(m: EntityManager, user: AuthUser, id: string, dto: SendEventDto, mode: RunMode): Promise<Outcome> {
    // The row lock serialises events on one submission: of two at once, the second sees the new state.
    const row = await this.repo.read(m, id, mode.locked);
    // Another subtree's submission does not exist for this user (404, not 403).
    if (!row || !isBelowOrSame(row.unitPath, user.unitPath)) throw notFound(NOT_FOUND);
    const def = await this.defs.flow(row.flowVersionId);
    if (!flowHasEvent(def, dto.type)) throw badRequest(`Thao tác "${dto.type}" không có trong quy trình của báo cáo này.`);
    const kind = eventKind(def, row.state, dto.type);
    if (kind === 'compile' && !mode.locked) return { needsLock: row };
    // A COMPILE's children are counted (over largeCompileChildren() it goes to a job) while the form is checked.
    const counting = kind === 'compile' && !mode.inJob ? this.submissions.childCounts(row.roundId, row.unitId, m) : null;
    counting?.catch(() => {}); // awaited below: a failure meanwhile is not an unhandled rejection
    const template = await this.defs.template(row.templateVersionId);
    const formErrors = this.defs.validator(template, this.defs.isCompileFlow(def)).validateComplete(row.data);
    if (counting) {
      const children = await this.largeCompile(m, user, row, dto.type, await counting, formErrors.length);
      if (children) return { queue: { children } };
    }
    // What the user saw must still be what is stored: otherwise nothing happens (409).
    // The stored data is put in canonical form once: the stale check, the log's data hash and the answer use it.
    const canonical = canonicalJson(row.data);
    const contentHash = this.signing.contentHashOfCanonical(canonical, row.attachmentHashes);
    refuseStaleContent(dto.contentHash, contentHash);
    const now = new Date();
    const result = await this.decide(m, user, row, def, dto, formErrors, now);
    const label = eventLabel(def, dto.type);
    // Content is sealed by a signature or a final state: it must pass the complete check (rules included).
    const final = isFinalState(def, result.snapshot);
    refuseUnsealable(result.effects, final, formErrors, label);
    const toTags = stateTags(def, result.to);
    const patch: TransitionPatch = { state: result.to, stateTags: toTags, snapshot: result.snapshot, final, locked: row.locked };
    const signed = result.effects.some((e) => e.type === 'sign');
    // Signing and issuing store the official record, compiling reads the children: under the row lock.
    const oneStatement = !signed && !(final && !row.final) && result.effects.every((e) => EFFECTS_IN_ONE_STATEMENT.has(e.type));
    if (!mode.locked && !oneStatement) return { needsLock: row };
    const ctx: EffectContext = { m, user, row, template, dto, event: { type: dto.type, label, comment: dto.comment, fieldComments: dto.fieldComments?.length }, now, patch, writes: [], inJob: mode.inJob };
    for (const effect of result.effects) await this.effects[effect.type](ctx, effect);
    this.settle(ctx, kind, locksDataTags(toTags));
    // Typos kept beside the data must be fixed before the data is locked or final.
    if ((patch.locked && !row.locked) || patch.final) this.rawInputs.refuseIfPending(row.rawInputs ?? {}, this.defs.schemaFor(template, this.defs.isCompileFlow(def)));
    const same = patch.data === undefined;
    const after = await this.write(ctx, def, result, { signed, prepared: mode.prepared, canonical: same ? canonical : undefined });
    // The form was checked once; a compile replaced the data, so its answer checks the new data again.
    return { row: after, attachmentHashes: row.attachmentHashes, ...(same ? { completeErrors: formErrors.length, contentHash } : {}) };
  }

  /** One statement writes the state, its log entry, its audit row and the folded writes; then the official record. */
  private async write(ctx: EffectContext, def: FlowDefinition, result: Decided, o: { signed: boolean; prepared: unknown; canonical?: string }) {
    const { m, user, row, patch, dto, now } = ctx;
    const data = patch.data ?? row.data;
    // A child entering or leaving `done` changes what its parent compiled from.
    const staleParent = row.parentUnitId && (isDoneTags(patch.stateTags) || isDoneTags(stateTags(def, result.from))) ? row.parentUnitId : null;
    const audit = { actorId: user.id, action: `event:${dto.type}`, entity: 'submission', entityId: row.id, detail: { from: result.from, to: result.to } };
    const dataHash = o.canonical === undefined ? this.signing.contentHash(data, []) : this.signing.contentHashOfCanonical(o.canonical, []);
    const log = this.logEntry(row, result, dto.type, user, dataHash, now);
    const writes = [...ctx.writes, (params: unknown[], from: string) => this.audit.cte(audit, params, from)];
    const saved = await this.repo.commit(m, row, patch, log, staleParent, writes);
    // Read without the lock, the row moved on before the write: nothing was written.
    if (!saved) throw conflict(MOVED_ON);
    const after: SubmissionRow = { ...row, ...patch, data, version: saved.version, updatedAt: saved.updatedAt };
    // The official signed PDF (PAdES), prepared before, is stored in the same transaction: the signer's signature, the
    // seal when issued (an event written in one statement neither signs nor issues: the hook has nothing to do).
    await this.hooks.afterTransition({
      prepared: o.prepared,
      m,
      submissionId: row.id,
      signed: o.signed,
      becameFinal: patch.final && !row.final,
      actor: { id: user.id, fullName: user.fullName },
      row: after,
      at: now,
    });
    return after;
  }

  /** The engine's answer; a refusal names a province's roles by their Vietnamese labels (read only then). */
  private async decide(m: EntityManager, user: AuthUser, row: LockedRow, def: FlowDefinition, dto: SendEventDto, formErrors: FieldError[], now: Date) {
    const facts = await this.query.facts(row, def, formErrors.length, m);
    const event = { type: dto.type, comment: dto.comment };
    const result = transition(def, row.snapshot, event, actorOf(user), facts, now);
    if (result.ok) return result;
    const labelled = transition(def, row.snapshot, event, actorOf(user), { ...facts, roleLabels: await this.roles.labelsAt(row.unitPath, m) }, now);
    throw refusalToHttp(labelled.ok ? result.refusal : labelled.refusal, formErrors, dto.type, def, row.state);
  }

  /** What holds whatever the effects said: the state's tags lock the data; comments follow the event's kind. */
  private settle({ patch, row, dto, user, now }: EffectContext, kind: string, tagsLock: boolean) {
    if (tagsLock) patch.locked = true;
    if (dto.fieldComments?.length || kind === 'return' || kind === 'reject') {
      patch.fieldComments = (dto.fieldComments ?? []).map(
        (c): FieldComment => ({ path: c.path, text: c.text, by: user.id, byName: user.fullName, at: now.toISOString() }),
      );
    } else if (kind === 'accept') patch.fieldComments = [];
    if (patch.locked === false && row.signature && kind !== 'sign') patch.signature = null;
  }

  /** The next link of the submission's hash chain. */
  private logEntry(row: LockedRow, result: Decided, event: string, user: AuthUser, dataHash: string, at: Date): LogEntry {
    const body = {
      submissionId: row.id,
      seq: (row.lastLog?.seq ?? 0) + 1,
      event,
      fromState: result.from,
      toState: result.to,
      actorId: user.id,
      comment: result.logEntry.comment ?? null,
      effects: result.effects as unknown[],
      dataHash,
      at: at.toISOString(),
      prevHash: row.lastLog?.hash ?? null,
    };
    const { submissionId: _s, ...entry } = body;
    return { ...entry, at, actorName: user.fullName, hash: this.signing.logHash(body) };
  }

  /** The number of children when this COMPILE is large enough for a job and the user may send it, else 0. */
  private async largeCompile(m: EntityManager, user: AuthUser, row: SubmissionRow, type: string, counts: { total: number; accepted: number }, completeErrors: number): Promise<number> {
    if (counts.total <= largeCompileChildren()) return 0;
    const allowed = await this.query.allowed(user, row, new Date(), { children: counts, completeErrors }, m);
    return allowed.some((e) => e.type === type) ? counts.total : 0;
  }

  /** Rolls up the children whose state carries the tags the action names (`done` by default), with provenance.
   *  Also used by the preview, inside a transaction that writes nothing. */
  compile(m: EntityManager, row: SubmissionRow, template: LoadedTemplate, effect: Effect, overwrite?: string[], sourcesInStatement = false) {
    return this.compiler.compile(m, row, template.schema, compileSelection(effect.params), undefined, {
      keep: { rollUpSchema: this.defs.schemaFor(template, true), overwrite },
      sourcesInStatement,
    });
  }
}
