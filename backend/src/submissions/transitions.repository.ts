import { Injectable } from '@nestjs/common';
import { preparedQuery } from '../common/prepared.js';
import type { EntityManager } from 'typeorm';
import type { CompiledInfo, FieldComment, SignatureRecord } from './submission.entity.js';
import type { FoldedWrite } from '../common/folded-write.js';
import { attachmentQueries } from '../attachments/attachment-queries.js';
import { columns, from, type SubmissionRow } from './submissions.repository.js';
import { includedSourcesSql, type SourcesInStatement } from './compile.repository.js';

/** The row an event works on, with what its answer and its log entry need, read under the row lock. */
export interface LockedRow extends SubmissionRow {
  attachmentHashes: string[];
  /** The last entry of the hash chain (null before the first event). */
  lastLog: { seq: number; hash: string } | null;
}

/** What a transition changes on the submission row. */
export interface TransitionPatch {
  state: string;
  stateTags: string[];
  snapshot: unknown;
  final: boolean;
  locked: boolean;
  data?: Record<string, unknown>;
  returnedData?: unknown;
  compiled?: CompiledInfo | null;
  /** A large compile's `sources` and `included`, read by the storing statement itself. */
  compiledSources?: SourcesInStatement;
  signature?: SignatureRecord | null;
  fieldComments?: FieldComment[];
}

/** One entry of the transition log, its hash already computed over the previous one. */
export interface LogEntry {
  seq: number;
  event: string;
  fromState: string;
  toState: string;
  actorId: string | null;
  actorName: string | null;
  comment: string | null;
  effects: unknown[];
  dataHash: string | null;
  at: Date;
  prevHash: string | null;
  hash: string;
}

/** The SQL of a transition: read the row under its lock, then write everything in one statement. */
@Injectable()
export class TransitionsRepository {
  /**
   * With `lock`, the row lock is taken without waiting (NOWAIT → 409): a burst of events on one report must
   * not hold every pooled connection in a lock queue while the one that got the lock needs another (signing).
   * Without it the row is read as it stands; the write then checks its version.
   */
  async read(m: EntityManager, id: string, lock: boolean): Promise<LockedRow | null> {
    const rows = await preparedQuery<LockedRow>(
      m,
      `SELECT ${columns},
              ${attachmentQueries.hashes('s.id')} AS "attachmentHashes",
              (SELECT json_build_object('seq', l.seq, 'hash', l.hash) FROM transition_log l
                WHERE l.submission_id = s.id ORDER BY l.seq DESC LIMIT 1) AS "lastLog"
         FROM ${from} WHERE s.id = $1${lock ? ' FOR UPDATE OF s NOWAIT' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * The new state, its log entry, the parent's stale mark (a child entering or leaving `done`), the audit row
   * and the other modules' folded writes (notifications), as one statement: one round trip for every write of
   * the event. The row is updated only while it still has the version `row` was read at; otherwise nothing
   * is written and the answer is undefined (the caller refuses: someone else changed the report meanwhile).
   */
  async commit(
    m: EntityManager,
    row: Pick<SubmissionRow, 'id' | 'roundId' | 'version'>,
    p: TransitionPatch,
    log: LogEntry,
    staleParentUnitId: string | null,
    writes: FoldedWrite[],
  ): Promise<{ version: number; updatedAt: Date } | undefined> {
    const params: unknown[] = [row.id];
    const $ = (v: unknown) => `$${params.push(v)}`;
    const json = (v: unknown) => `${$(v === null ? null : JSON.stringify(v))}::jsonb`;
    const sets = [`state = ${$(p.state)}`, `snapshot = ${json(p.snapshot)}`, `final = ${$(p.final)}`, `locked = ${$(p.locked)}`];
    sets.push(`state_tags = ${$(p.stateTags)}::text[]`, 'version = version + 1', 'updated_at = now()');
    if (p.data !== undefined) sets.push(`data = ${json(p.data)}`);
    if (p.compiled !== undefined) sets.push(`compiled = ${json(p.compiled)}${p.compiledSources ? ` || ${includedSourcesSql(p.compiledSources, $)}` : ''}`);
    if (p.signature !== undefined) sets.push(`signature = ${json(p.signature)}`);
    if (p.fieldComments !== undefined) sets.push(`field_comments = ${json(p.fieldComments)}`);
    if (p.returnedData !== undefined) sets.push(`returned_data = ${json(p.returnedData)}`, 'returned_at = now()');
    // Typed: a parameter in a SELECT list is not typed by the column it is inserted into.
    const values = [`${$(log.seq)}::int`, ...[log.event, log.fromState, log.toState].map((v) => `${$(v)}::text`), `${$(log.actorId)}::uuid`];
    values.push(...[log.actorName, log.comment].map((v) => `${$(v)}::text`), json(log.effects), `${$(log.dataHash)}::text`, `${$(log.at)}::timestamptz`);
    const logValues = `$1::uuid, ${values.join(', ')}, ${$(log.prevHash)}::text, ${$(log.hash)}::text`;
    const ctes = [
      // NOWAIT: a report held by another event (signing, in its transaction) is refused at once (409), as `read` does.
      `target AS (SELECT id FROM submission WHERE id = $1 AND version = ${$(row.version)} FOR UPDATE NOWAIT)`,
      `s AS (UPDATE submission SET ${sets.join(', ')} FROM target WHERE submission.id = target.id RETURNING submission.version, submission.updated_at)`,
      `log AS (INSERT INTO transition_log (submission_id, seq, event, from_state, to_state, actor_id, actor_name, comment, effects, data_hash, at, prev_hash, hash)
         SELECT ${logValues} FROM s)`,
    ];
    if (staleParentUnitId)
      ctes.push(`parent AS (UPDATE submission SET compiled = jsonb_set(compiled, '{stale}', 'true'::jsonb)
         WHERE round_id = ${$(row.roundId)} AND unit_id = ${$(staleParentUnitId)} AND compiled IS NOT NULL AND EXISTS (SELECT 1 FROM s))`);
    for (const write of writes) ctes.push(write(params, 's'));
    const rows = await preparedQuery<{ version: number; updatedAt: Date }>(m, `WITH ${ctes.join(',\n')} SELECT version, updated_at AS "updatedAt" FROM s`, params);
    return rows[0];
  }

  /**
   * Serialises two deliveries of the same large compile (until the transaction ends) and answers when
   * the submission was last compiled; undefined when it does not exist.
   */
  async lockCompile(m: EntityManager, id: string): Promise<{ compiledAt: Date | null } | undefined> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('compile-large:' || $1))`, [id]);
    const rows: { compiledAt: string | null }[] = await m.query(`SELECT compiled->>'compiledAt' AS "compiledAt" FROM submission WHERE id = $1`, [id]);
    return rows[0] && { compiledAt: rows[0].compiledAt ? new Date(rows[0].compiledAt) : null };
  }
}
