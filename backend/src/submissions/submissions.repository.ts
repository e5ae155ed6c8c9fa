import type { SubmissionListItem, SubmissionSummary } from '@bdg/api-types';
import { preparedQuery } from '../common/prepared.js';
import type { RawInputs } from '@bdg/schemas';
import { comparablePeriodNames } from '@bdg/regimes';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { cappedCount, type Counted, keyset, keysetPage, type SortColumns } from '../common/keyset.js';
import { likePattern, type Paging } from '../common/paging.js';
import type { CompiledInfo, FieldComment, SignatureRecord } from './submission.entity.js';
import { attachmentQueries } from '../attachments/attachment-queries.js';
import { flowQueries } from '../flows/flow-queries.js';
import { orgQueries } from '../org/org-queries.js';
import { roundQueries } from '../rounds/round-queries.js';
import { templateQueries } from '../templates/template-queries.js';
import { doneSql } from '../common/status-sql.js';
import { TransitionLog } from './transition-log.entity.js';

/** A submission row: the list shape's columns (`SubmissionSummary` of @bdg/api-types) and what the server keeps beside them. */
export interface SubmissionRow
  extends Pick<
    SubmissionSummary<Date>,
    'id' | 'roundId' | 'roundName' | 'unitId' | 'unitCode' | 'unitName' | 'unitKind' | 'parentUnitId' | 'templateCode' | 'templateVersion' | 'flowCode' | 'state' | 'final' | 'locked' | 'version' | 'deadline' | 'updatedAt'
  > {
  unitPath: string;
  /** The unit the report goes up to: its name and kind, for "chờ … duyệt". */
  parentUnitName: string | null;
  parentUnitKind: string | null;
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
  po.name AS "parentUnitName", po.kind AS "parentUnitKind", s.template_version_id AS "templateVersionId", t.code AS "templateCode", t.version AS "templateVersion",
  s.flow_version_id AS "flowVersionId", f.code AS "flowCode", s.state, s.state_tags AS "stateTags", s.snapshot, s.data, s.version, s.locked,
  s.final, s.deadline, s.compiled, s.field_comments AS "fieldComments", s.signature, s.raw_inputs AS "rawInputs",
  s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;
/**
 * The submissions read model: the row with its unit (and the unit it goes up to), round, template and flow
 * named, in one statement. The other modules' columns come from their owners' read models (org-queries.ts,
 * round-queries.ts, …), subqueries PostgreSQL flattens into this statement: one round trip, however many rows.
 */
export const from = `submission s JOIN ${orgQueries.units} o ON o.id = s.unit_id LEFT JOIN ${orgQueries.units} po ON po.id = s.parent_unit_id
  JOIN ${roundQueries.rounds} r ON r.id = s.round_id JOIN ${templateQueries.versions} t ON t.id = s.template_version_id JOIN ${flowQueries.versions} f ON f.id = s.flow_version_id`;
/** The submission with its unit only (what access checks, counts and work lists need). */
const withUnit = `submission s JOIN ${orgQueries.units} o ON o.id = s.unit_id`;

/** The unit search, on the index org_unit_search. */
const UNIT_SEARCH = orgQueries.searchKey('o');
/** The columns a submissions list may be sorted by (`?sort=`), and their SQL; the default is the unit's code. */
export const SORTS: SortColumns = {
  unitName: 'o.name',
  unitCode: 'o.code',
  roundName: 'r.name',
  state: 's.state',
  deadline: { sql: 's.deadline', nullable: true },
  updatedAt: 's.updated_at',
};

/** A row of a large list: only what the tables show (SubmissionListItem), read from two small joins. */
/** What a save needs to decide (who, where, locked?, which template and flow). */
export type SubmissionAccessRow = Pick<SubmissionRow, 'id' | 'unitId' | 'unitPath' | 'locked' | 'final' | 'version' | 'templateVersionId' | 'flowVersionId'> & {
  rawInputs: RawInputs;
};

export interface SubmissionListRow
  extends Pick<
    SubmissionListItem<Date>,
    'id' | 'roundId' | 'roundName' | 'unitId' | 'unitCode' | 'unitName' | 'unitKind' | 'templateCode' | 'state' | 'stateTags' | 'final' | 'version' | 'deadline' | 'updatedAt' | 'parentUnitName' | 'parentUnitKind'
  > {
  flowVersionId: string;
}
const listColumns = `s.id, s.round_id AS "roundId", r.name AS "roundName", s.unit_id AS "unitId", o.code AS "unitCode", o.name AS "unitName",
  o.kind AS "unitKind", t.code AS "templateCode", s.flow_version_id AS "flowVersionId", s.state, s.state_tags AS "stateTags", s.final, s.version, s.deadline,
  s.updated_at AS "updatedAt", po.name AS "parentUnitName", po.kind AS "parentUnitKind"`;
/** The joins listColumns reads besides the unit (`o`): the round, the template and the parent unit (for "chờ … duyệt"). */
const LIST_JOINS = `JOIN ${roundQueries.rounds} r ON r.id = s.round_id JOIN ${templateQueries.versions} t ON t.id = s.template_version_id LEFT JOIN ${orgQueries.units} po ON po.id = s.parent_unit_id`;

/** The columns "Việc cần làm" may be sorted by. */
export const WORK_SORTS: Record<string, string> = { deadline: 's.deadline', unitName: 'o.name', updatedAt: 's.updated_at' };

/** For each (flow version, state, own unit or child unit) where the user has work: the task (parallel arrays). */
export interface WorkKinds {
  flowVersionIds: string[];
  states: string[];
  own: boolean[];
  tasks: string[];
}

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


@Injectable()
export class SubmissionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The pool outside any transaction: each statement commits on its own. */
  get autocommit(): EntityManager {
    return this.db.manager;
  }

  transaction<T>(fn: (m: EntityManager) => Promise<T>) {
    return this.db.transaction(fn);
  }

  /** The row as the read model shows it (an event reads and locks it with TransitionsRepository.read). */
  async byId(id: string, m: EntityManager = this.db.manager): Promise<SubmissionRow | null> {
    const rows = await m.query(`SELECT ${columns} FROM ${from} WHERE s.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** What a save needs to decide (who, where, locked?, which template and flow): no jsonb columns. */
  async accessRow(id: string): Promise<SubmissionAccessRow | null> {
    const rows = await preparedQuery<SubmissionAccessRow>(
      this.db,
      `SELECT s.id, s.unit_id AS "unitId", o.path::text AS "unitPath", s.locked, s.final, s.version, s.raw_inputs AS "rawInputs",
              s.template_version_id AS "templateVersionId", s.flow_version_id AS "flowVersionId"
         FROM ${withUnit} WHERE s.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * One page of the submissions in the subtree at `path`, filtered, searched (unit name or code) and sorted;
   * keyset-paged (`p.after`) and counted up to a limit, so that a ministry's list of 100,000 reports
   * answers as fast as a commune's (the default order walks the index of unit codes).
   */
  async page(path: string, f: SubmissionFilter, p: Paging): Promise<{ items: SubmissionListRow[]; nextCursor: string | null; count: Counted }> {
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
    const filtered = where.join(' AND ');
    const countParams = [...params];
    const ks = keyset(p, SORTS, 'unitCode', 's.id', params);
    const w = ks.after ? `${filtered} AND ${ks.after}` : filtered;
    const [rows, count] = await Promise.all([
      this.db.query(
        `SELECT ${listColumns}, ${ks.select} FROM ${withUnit} ${LIST_JOINS} WHERE ${w} ORDER BY ${ks.order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, p.pageSize, ks.offset],
      ),
      // The count needs only the tables the filters name.
      cappedCount((sql, ps) => this.db.query(sql, ps), `${withUnit} WHERE ${filtered}`, countParams),
    ]);
    return { ...keysetPage<SubmissionListRow>(rows, ks, p), count };
  }

  /** The (flow, state) pairs of the open reports of a unit (`own`) and of its child units: what a work list classifies. */
  workStates(unitId: string): Promise<{ flowVersionId: string; state: string; own: boolean }[]> {
    return this.db.query(
      `SELECT DISTINCT s.flow_version_id AS "flowVersionId", s.state, s.unit_id = $1 AS own
         FROM submission s WHERE (s.unit_id = $1 OR s.parent_unit_id = $1) AND NOT s.final`,
      [unitId],
    );
  }

  /**
   * One page of "Việc cần làm", classified in the database: `kinds` says for which (flow version, state,
   * own or child unit) the user has a task, and which (worked out from the flow by @bdg/workflows, passed as
   * parameters). Counted by task over the whole list, paged and sorted here.
   */
  async workPage(unitId: string, kinds: WorkKinds, p: Paging, task?: string): Promise<{ rows: (SubmissionListRow & { task: string })[]; counts: Record<string, number> }> {
    const params: unknown[] = [unitId, kinds.flowVersionIds, kinds.states, kinds.own, kinds.tasks];
    let where = `NOT s.final AND ((k.own AND s.unit_id = $1) OR (NOT k.own AND s.parent_unit_id = $1))`;
    if (p.folded) {
      params.push(likePattern(p.folded));
      where += ` AND ${UNIT_SEARCH} LIKE $${params.length}`;
    }
    const from = `submission s
      JOIN unnest($2::uuid[], $3::text[], $4::boolean[], $5::text[]) AS k(flow, state, own, task) ON k.flow = s.flow_version_id AND k.state = s.state
      JOIN ${orgQueries.units} o ON o.id = s.unit_id`;
    const pageParams = [...params];
    let pageWhere = where;
    if (task) {
      pageParams.push(task);
      pageWhere += ` AND k.task = $${pageParams.length}`;
    }
    const sort = p.sort ? `${WORK_SORTS[p.sort.key]} ${p.sort.desc ? 'DESC' : 'ASC'} NULLS LAST` : 's.deadline ASC NULLS LAST';
    const [rows, counts] = await Promise.all([
      this.db.query(
        `SELECT ${listColumns}, k.task FROM ${from} ${LIST_JOINS} WHERE ${pageWhere}
          ORDER BY ${sort}, o.code, s.id LIMIT $${pageParams.length + 1} OFFSET $${pageParams.length + 2}`,
        [...pageParams, p.pageSize, p.offset],
      ),
      this.db.query(`SELECT k.task, count(*)::int AS n FROM ${from} WHERE ${where} GROUP BY k.task`, params),
    ]);
    return { rows, counts: Object.fromEntries((counts as { task: string; n: number }[]).map((c) => [c.task, c.n])) };
  }

  byIds(ids: string[]): Promise<SubmissionRow[]> {
    return this.db.query(`SELECT ${columns} FROM ${from} WHERE s.id = ANY($1::uuid[])`, [ids]);
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
  /** `dataJson`: the data as JSON text (serialised where it was validated). */
  async saveData(
    id: string,
    dataJson: string,
    rawInputs: RawInputs,
    version: number,
    audit: (params: unknown[], from: string) => string,
  ): Promise<{ version: number; updatedAt: Date; attachmentHashes: string[] } | null> {
    const params: unknown[] = [id, dataJson, version, JSON.stringify(rawInputs)];
    const rows = await preparedQuery<{ version: number; updatedAt: Date; attachmentHashes: string[] }>(
      this.db,
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
