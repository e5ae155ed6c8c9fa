import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CompiledInfo, FieldComment, SignatureRecord } from './submission.entity.js';
import { attachmentQueries } from '../attachments/attachment-queries.js';
import { columns, from, type SubmissionRow } from './submissions.repository.js';

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
   * The row lock is taken without waiting (NOWAIT → 409): a burst of events on one report must not hold
   * every pooled connection in a lock queue while the one that got the lock needs another (signing).
   */
  async lock(m: EntityManager, id: string): Promise<LockedRow | null> {
    const rows = await m.query(
      `SELECT ${columns},
              ${attachmentQueries.hashes('s.id')} AS "attachmentHashes",
              (SELECT json_build_object('seq', l.seq, 'hash', l.hash) FROM transition_log l
                WHERE l.submission_id = s.id ORDER BY l.seq DESC LIMIT 1) AS "lastLog"
         FROM ${from} WHERE s.id = $1 FOR UPDATE OF s NOWAIT`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * The new state, its log entry, the parent's stale mark (a child entering or leaving `done`) and the
   * audit row (`audit` appends its CTE), as one statement: one round trip for every write of the event.
   */
  async commit(
    m: EntityManager,
    row: Pick<SubmissionRow, 'id' | 'roundId'>,
    p: TransitionPatch,
    log: LogEntry,
    staleParentUnitId: string | null,
    audit: (params: unknown[]) => string,
  ): Promise<{ version: number; updatedAt: Date }> {
    const params: unknown[] = [row.id];
    const $ = (v: unknown) => `$${params.push(v)}`;
    const json = (v: unknown) => `${$(v === null ? null : JSON.stringify(v))}::jsonb`;
    const sets = [`state = ${$(p.state)}`, `snapshot = ${json(p.snapshot)}`, `final = ${$(p.final)}`, `locked = ${$(p.locked)}`];
    sets.push(`state_tags = ${$(p.stateTags)}::text[]`, 'version = version + 1', 'updated_at = now()');
    if (p.data !== undefined) sets.push(`data = ${json(p.data)}`);
    if (p.compiled !== undefined) sets.push(`compiled = ${json(p.compiled)}`);
    if (p.signature !== undefined) sets.push(`signature = ${json(p.signature)}`);
    if (p.fieldComments !== undefined) sets.push(`field_comments = ${json(p.fieldComments)}`);
    if (p.returnedData !== undefined) sets.push(`returned_data = ${json(p.returnedData)}`, 'returned_at = now()');
    const values = [log.seq, log.event, log.fromState, log.toState, log.actorId, log.actorName, log.comment];
    const logValues = `$1, ${values.map($).join(', ')}, ${json(log.effects)}, ${$(log.dataHash)}, ${$(log.at)}, ${$(log.prevHash)}, ${$(log.hash)}`;
    const ctes = [
      `s AS (UPDATE submission SET ${sets.join(', ')} WHERE id = $1 RETURNING version, updated_at)`,
      `log AS (INSERT INTO transition_log (submission_id, seq, event, from_state, to_state, actor_id, actor_name, comment, effects, data_hash, at, prev_hash, hash)
         VALUES (${logValues}))`,
    ];
    if (staleParentUnitId)
      ctes.push(`parent AS (UPDATE submission SET compiled = jsonb_set(compiled, '{stale}', 'true'::jsonb)
         WHERE round_id = ${$(row.roundId)} AND unit_id = ${$(staleParentUnitId)} AND compiled IS NOT NULL)`);
    ctes.push(audit(params));
    const rows = await m.query(`WITH ${ctes.join(',\n')} SELECT version, updated_at AS "updatedAt" FROM s`, params);
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
