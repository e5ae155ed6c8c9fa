import type { SubmissionSummary } from '@bdg/api-types';
import type { RawInputs } from '@bdg/schemas';
import { comparablePeriodNames } from '@bdg/regimes';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { likePattern, orderBy, type Paging } from '../common/paging.js';
import type { CompiledInfo, FieldComment, SignatureRecord } from './submission.entity.js';
import { doneSql } from '../common/status-sql.js';
import { attachmentQueries } from '../attachments/attachment-queries.js';
import { flowQueries } from '../flows/flow-queries.js';
import { orgQueries } from '../org/org-queries.js';
import { roundQueries } from '../rounds/round-queries.js';
import { templateQueries } from '../templates/template-queries.js';
import { TransitionLog } from './transition-log.entity.js';

/** A submission row: the list shape's columns (`SubmissionSummary` of @bdg/api-types) and what the server keeps beside them. */
export interface SubmissionRow
  extends Pick<
    SubmissionSummary<Date>,
    'id' | 'roundId' | 'roundName' | 'unitId' | 'unitCode' | 'unitName' | 'unitKind' | 'parentUnitId' | 'templateCode' | 'templateVersion' | 'flowCode' | 'state' | 'final' | 'locked' | 'version' | 'deadline' | 'updatedAt'
  > {
  unitPath: string;
  templateVersionId: string;
  flowVersionId: string;
  /** The state's tags (its meaning), kept with it on every transition. */
  stateTags: string[];
  snapshot: unknown;
  data: Record<string, unknown>;
  compiled: CompiledInfo | null;
  fieldComments: FieldComment[];
  signature: SignatureRecord | null;
  /** Text typed into fields it does not fit (a typo kept beside the data), by JSON Pointer. */
  rawInputs?: RawInputs;
  createdAt: Date;
}

export const columns = `s.id, s.round_id AS "roundId", r.name AS "roundName", s.unit_id AS "unitId", o.code AS "unitCode",
  o.name AS "unitName", o.kind AS "unitKind", o.path::text AS "unitPath", s.parent_unit_id AS "parentUnitId",
  s.template_version_id AS "templateVersionId", t.code AS "templateCode", t.version AS "templateVersion",
  s.flow_version_id AS "flowVersionId", f.code AS "flowCode", s.state, s.state_tags AS "stateTags", s.snapshot, s.data, s.version, s.locked,
  s.final, s.deadline, s.compiled, s.field_comments AS "fieldComments", s.signature, s.raw_inputs AS "rawInputs",
  s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;
// Summaries leave out the heavy jsonb columns.
const summaryColumns = columns.replace(', s.data,', ',').replace('s.compiled, ', '').replace(', s.snapshot', '').replace(' s.raw_inputs AS "rawInputs",', '');
/**
 * The submissions read model: the row with its unit, round, template and flow named, in one statement.
 * The other modules' columns come from their owners' read models (org-queries.ts, round-queries.ts, …),
 * subqueries PostgreSQL flattens into this statement: one round trip per list, however many rows.
 */
export const from = `submission s JOIN ${orgQueries.units} o ON o.id = s.unit_id JOIN ${roundQueries.rounds} r ON r.id = s.round_id
  JOIN ${templateQueries.versions} t ON t.id = s.template_version_id JOIN ${flowQueries.versions} f ON f.id = s.flow_version_id`;
/** The submission with its unit only (what access checks and counts need). */
const withUnit = `submission s JOIN ${orgQueries.units} o ON o.id = s.unit_id`;

/** The unit search, on the index org_unit_search. */
const UNIT_SEARCH = orgQueries.searchKey('o');
/** The columns a submissions list may be sorted by (`?sort=`), and their SQL. */
export const SORTS: Record<string, string> = {
  unitName: 'o.name',
  unitCode: 'o.code',
  roundName: 'r.name',
  state: 's.state',
  deadline: 's.deadline',
  updatedAt: 's.updated_at',
};

export interface SubmissionFilter {
  roundId?: string;
  unitId?: string;
  state?: string;
  tag?: string;
  /** Any of these tags (a work list's meaning), or a final state too when `orFinal`. */
  anyTags?: string[];
  orFinal?: boolean;
  notFinal?: boolean;
}

export type SubmissionSummaryRow = Omit<SubmissionRow, 'data' | 'compiled' | 'snapshot'> & { snapshot?: unknown };

@Injectable()
export class SubmissionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>) {
    return this.db.transaction(fn);
  }

  /**
   * `forUpdate` takes the row lock without waiting (NOWAIT → 409): a burst of events on one report must not
   * hold every pooled connection in a lock queue while the one that got the lock needs another (signing).
   */
  async byId(id: string, m: EntityManager = this.db.manager, forUpdate = false): Promise<SubmissionRow | null> {
    const rows = await m.query(`SELECT ${columns} FROM ${from} WHERE s.id = $1${forUpdate ? ' FOR UPDATE OF s NOWAIT' : ''}`, [id]);
    return rows[0] ?? null;
  }

  /** What a save needs to decide (who, where, locked?, which template and flow): no jsonb columns. */
  async accessRow(
    id: string,
  ): Promise<(Pick<SubmissionRow, 'id' | 'unitId' | 'unitPath' | 'locked' | 'final' | 'version' | 'templateVersionId' | 'flowVersionId'> & { rawInputs: RawInputs }) | null> {
    const rows = await this.db.query(
      `SELECT s.id, s.unit_id AS "unitId", o.path::text AS "unitPath", s.locked, s.final, s.version, s.raw_inputs AS "rawInputs",
              s.template_version_id AS "templateVersionId", s.flow_version_id AS "flowVersionId"
         FROM ${withUnit} WHERE s.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** One page of the submissions in the subtree at `path`, filtered, searched (unit name or code) and sorted. */
  async page(path: string, f: SubmissionFilter, p: Paging): Promise<{ rows: SubmissionSummaryRow[]; total: number }> {
    const params: unknown[] = [path];
    const where = ['o.path <@ $1::ltree'];
    const add = (v: unknown, sql: (n: string) => string) => {
      params.push(v);
      where.push(sql(`$${params.length}`));
    };
    if (f.roundId) add(f.roundId, (n) => `s.round_id = ${n}`);
    // A merged unit's earlier submissions are found under the unit it was merged into.
    if (f.unitId) add(f.unitId, (n) => `(s.unit_id = ${n} OR o.merged_into_id = ${n})`);
    if (f.state) add(f.state, (n) => `s.state = ${n}`);
    if (f.tag) add([f.tag], (n) => `s.state_tags @> ${n}::text[]`);
    if (f.anyTags) add(f.anyTags, (n) => `(s.state_tags && ${n}::text[]${f.orFinal ? ' OR s.final' : ''})`);
    if (f.notFinal) where.push('NOT s.final');
    if (p.folded) add(likePattern(p.folded), (n) => `${UNIT_SEARCH} LIKE ${n}`);
    return this.pageWhere(where.join(' AND '), params, p);
  }

  private async pageWhere(where: string, params: unknown[], p: Paging) {
    const order = orderBy(p, SORTS, 'r.created_at DESC, o.code', 's.id');
    const [rows, count] = await Promise.all([
      this.db.query(
        `SELECT ${summaryColumns} FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, p.pageSize, p.offset],
      ),
      // The count needs only the tables the filters name.
      this.db.query(`SELECT count(*)::int AS n FROM ${withUnit} WHERE ${where}`, params),
    ]);
    return { rows: rows as SubmissionSummaryRow[], total: (count as { n: number }[])[0]!.n };
  }

  /** Where a user may have work: their own unit's submissions and their child units' ones, not finished. */
  workCandidates(unitId: string, folded?: string): Promise<SubmissionRow[]> {
    const search = folded ? ` AND ${UNIT_SEARCH} LIKE $2` : '';
    return this.db.query(
      `SELECT ${columns} FROM ${from} WHERE (s.unit_id = $1 OR s.parent_unit_id = $1) AND NOT s.final${search}
        ORDER BY s.deadline NULLS LAST, o.code LIMIT 2000`,
      folded ? [unitId, likePattern(folded)] : [unitId],
    );
  }

  children(roundId: string, parentUnitId: string, m: EntityManager = this.db.manager): Promise<SubmissionRow[]> {
    return m.query(`SELECT ${columns} FROM ${from} WHERE s.round_id = $1 AND s.parent_unit_id = $2 ORDER BY o.code`, [
      roundId,
      parentUnitId,
    ]);
  }

  async childCounts(roundId: string, parentUnitId: string, m: EntityManager = this.db.manager) {
    const rows = await m.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE ${doneSql()})::int AS accepted
         FROM submission s WHERE round_id = $1 AND parent_unit_id = $2`,
      [roundId, parentUnitId],
    );
    return { total: rows[0].total as number, accepted: rows[0].accepted as number };
  }

  /**
   * Optimistic write: only when the version still matches and the data is not locked. One statement
   * (atomic on its own): the update, its audit row (`audit`, written only when the update happened) and
   * the attachment hashes the answer's contentHash needs.
   */
  async saveData(
    id: string,
    data: unknown,
    rawInputs: RawInputs,
    version: number,
    audit: (params: unknown[], from: string) => string,
  ): Promise<{ version: number; updatedAt: Date; attachmentHashes: string[] } | null> {
    const params: unknown[] = [id, JSON.stringify(data), version, JSON.stringify(rawInputs)];
    const rows = await this.db.query(
      `WITH saved AS (
         UPDATE submission SET data = $2::jsonb, raw_inputs = $4::jsonb, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $3 AND NOT locked RETURNING version, updated_at),
       ${audit(params, 'saved')}
       SELECT version, updated_at AS "updatedAt",
              ${attachmentQueries.hashes('$1')} AS "attachmentHashes"
         FROM saved`,
      params,
    );
    return rows[0] ?? null;
  }

  logs(submissionId: string): Promise<TransitionLog[]> {
    return this.db.getRepository(TransitionLog).find({ where: { submissionId }, order: { seq: 'ASC' } });
  }

  async attachmentHashes(submissionId: string, m: EntityManager = this.db.manager): Promise<string[]> {
    const rows: { hashes: string[] }[] = await m.query(`SELECT ${attachmentQueries.hashes('$1')} AS hashes`, [submissionId]);
    return rows[0]!.hashes;
  }

  async returned(id: string): Promise<{ data: unknown; at: Date } | null> {
    const rows = await this.db.query(`SELECT returned_data AS data, returned_at AS at FROM submission WHERE id = $1 AND returned_at IS NOT NULL`, [id]);
    return rows[0] ?? null;
  }

  /**
   * The same unit's submission in the round of the comparable period (same half-year, quarter or
   * year one year earlier; never a period of another kind) of the same template code; for a period
   * typed as free text, the latest earlier round.
   */
  async previous(s: SubmissionRow): Promise<{ roundName: string; data: unknown } | null> {
    const [round] = (await this.db.query(`SELECT period FROM ${roundQueries.rounds} r WHERE id = $1`, [s.roundId])) as { period: string }[];
    const rows = await this.db.query(
      `SELECT r.name AS "roundName", p.data FROM submission p JOIN ${roundQueries.rounds} r ON r.id = p.round_id
         JOIN ${templateQueries.versions} t ON t.id = p.template_version_id
        WHERE p.unit_id = $1 AND t.code = $2 AND r.id <> $3
          AND CASE WHEN $4::text[] IS NULL THEN r.created_at < (SELECT created_at FROM ${roundQueries.rounds} c WHERE id = $3) ELSE r.period = ANY($4::text[]) END
        ORDER BY r.created_at DESC LIMIT 1`,
      [s.unitId, s.templateCode, s.roundId, round ? comparablePeriodNames(round.period) : null],
    );
    return rows[0] ?? null;
  }
}
