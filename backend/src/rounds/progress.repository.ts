import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { handedInSql, lateSql } from '../common/status-sql.js';
import type { ProgressSort } from './progress.dto.js';
import { orgQueries } from '../org/org-queries.js';
import { submissionQueries } from '../submissions/submission-queries.js';
import { foldSql } from './paging.js';

/** Counts of one state in one place: how many, how many handed in (tags), how many late (deadline, tags). */
export interface StateCount {
  kind: string;
  state: string;
  total: number;
  done: number;
  late: number;
}

export interface BelowRow extends StateCount {
  childId: string;
}

export interface NodeRow {
  unitId: string;
  unitCode: string;
  unitName: string;
  kind: string;
  path: string;
  submissionId: string | null;
  state: string | null;
  stateTags: string[] | null;
  handedIn: boolean;
  late: boolean;
  deadline: Date | null;
}

export interface ChildRow extends NodeRow {
  /** Counts of the child's subtree, its own submission included (for sorting; the service recomputes byState). */
  subTotal: number;
  subDone: number;
  subLate: number;
  totalRows: number;
}

/** Handed in / late by meaning (common/status-sql.ts, the same rules as @bdg/workflows): tags and deadline, never a state name. */
const handed = (alias: string) => handedInSql(alias);
const lateOf = (alias: string) => lateSql(alias);

const nodeCols = `o.id AS "unitId", o.code AS "unitCode", o.name AS "unitName", o.kind, o.path::text AS path,
  s.id AS "submissionId", s.state, s.state_tags AS "stateTags", s.deadline,
  coalesce(${handed('s')}, false) AS "handedIn", coalesce(${lateOf('s')}, false) AS late`;

const ORDER: Record<ProgressSort, string> = {
  name: `k."unitName", k."unitCode"`,
  '-name': `k."unitName" DESC, k."unitCode" DESC`,
  late: `k."subLate" DESC, k.deadline NULLS LAST, k."unitName"`,
  done: `k."subDone"::float / greatest(k."subTotal", 1), k."unitName"`,
  '-done': `k."subDone"::float / greatest(k."subTotal", 1) DESC, k."unitName"`,
  state: `k.state NULLS LAST, k."unitName"`,
};

/**
 * The drill-down's SQL. Counts below a unit's children come from `round_tally` (maintained by triggers in
 * the same transaction as each transition, see migration ProgressTally): one index lookup on
 * (round, ancestor) and a sum of a few hundred rows, whatever the size of the tree.
 */
@Injectable()
export class ProgressRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.db.query(sql, params);
  }

  /**
   * A handed-in consolidation counts as done only as far as its coverage goes (2 of 10 schools: 0.2), so a
   * level's "đã nộp" never reads 100 % over units that were not compiled. Per kind, in the subtree at `path`,
   * what the coverage takes off the handed-in count.
   */
  coverageShortfall(roundId: string, path: string): Promise<{ kind: string; shortfall: number }[]> {
    return this.query(
      `SELECT o.kind, sum(1 - least(1, (s.compiled->>'included')::float / nullif((s.compiled->>'total')::float, 0)))::float AS shortfall
         FROM ${submissionQueries.rows} s JOIN ${orgQueries.units} o ON o.id = s.unit_id
        WHERE s.round_id = $1 AND o.path <@ $2::ltree AND s.compiled IS NOT NULL AND ${handed('s')}
          AND (s.compiled->>'total')::int > 0
        GROUP BY o.kind`,
      [roundId, path],
    );
  }

  async node(roundId: string, unitId: string): Promise<NodeRow | null> {
    const rows = await this.query<NodeRow>(
      `SELECT ${nodeCols} FROM ${orgQueries.units} o LEFT JOIN ${submissionQueries.rows} s ON s.round_id = $1 AND s.unit_id = o.id WHERE o.id = $2`,
      [roundId, unitId],
    );
    return rows[0] ?? null;
  }

  /** The units from `fromPath` down to `toPath`, top first. */
  breadcrumbs(fromPath: string, toPath: string): Promise<{ unitId: string; unitName: string; kind: string }[]> {
    return this.db.query(
      `SELECT o.id AS "unitId", o.name AS "unitName", o.kind FROM ${orgQueries.units} o WHERE o.path @> $2::ltree AND o.path <@ $1::ltree ORDER BY nlevel(o.path)`,
      [fromPath, toPath],
    );
  }

  /** Everything strictly below each child of `parentId`, by child, kind and state. */
  below(roundId: string, parentId: string): Promise<BelowRow[]> {
    return this.query<BelowRow>(
      `SELECT child_id AS "childId", unit_kind AS kind, state, sum(n)::int AS total,
              coalesce(sum(n) FILTER (WHERE ${handed('t')}), 0)::int AS done,
              coalesce(sum(n) FILTER (WHERE ${lateOf('t')}), 0)::int AS late
         FROM round_tally t WHERE t.round_id = $1 AND t.ancestor_id = $2
        GROUP BY 1, 2, 3 HAVING sum(n) <> 0`,
      [roundId, parentId],
    );
  }

  /** The children's own submissions, by kind and state. */
  childrenOwn(roundId: string, parentId: string): Promise<StateCount[]> {
    return this.query<StateCount>(
      `SELECT o.kind, s.state, count(*)::int AS total, count(*) FILTER (WHERE ${handed('s')})::int AS done,
              count(*) FILTER (WHERE ${lateOf('s')})::int AS late
         FROM ${orgQueries.units} o JOIN ${submissionQueries.rows} s ON s.round_id = $1 AND s.unit_id = o.id
        WHERE o.parent_id = $2 GROUP BY 1, 2`,
      [roundId, parentId],
    );
  }

  /**
   * One page of the children of `parentId` that take part in the round (their own submission, or some
   * below them), with their subtree's counts for sorting. `below` carries those counts per child.
   */
  childrenPage(
    roundId: string,
    parentId: string,
    below: { childId: string; total: number; done: number; late: number }[],
    opts: { q?: string; sort: ProgressSort; lateOnly: boolean; limit: number; offset: number },
  ): Promise<ChildRow[]> {
    const params: unknown[] = [roundId, parentId, below.map((b) => b.childId), below.map((b) => b.total), below.map((b) => b.done), below.map((b) => b.late)];
    const where = [`o.parent_id = $2`, `(s.id IS NOT NULL OR b.id IS NOT NULL)`, `(o.active OR s.id IS NOT NULL)`];
    if (opts.q) {
      params.push(`%${opts.q}%`);
      where.push(`(${foldSql('o.name')} LIKE $${params.length} OR lower(o.code) LIKE $${params.length})`);
    }
    if (opts.lateOnly) where.push(lateOf('s'));
    params.push(opts.limit, opts.offset);
    return this.query<ChildRow>(
      `WITH b AS (SELECT * FROM unnest($3::uuid[], $4::int[], $5::int[], $6::int[]) AS b(id, total, done, late)),
       k AS (
         SELECT ${nodeCols},
                coalesce(b.total, 0) + (s.id IS NOT NULL)::int AS "subTotal",
                coalesce(b.done, 0) + coalesce(${handed('s')}, false)::int AS "subDone",
                coalesce(b.late, 0) + coalesce(${lateOf('s')}, false)::int AS "subLate"
           FROM ${orgQueries.units} o LEFT JOIN ${submissionQueries.rows} s ON s.round_id = $1 AND s.unit_id = o.id LEFT JOIN b ON b.id = o.id
          WHERE ${where.join(' AND ')})
       SELECT k.*, count(*) OVER ()::int AS "totalRows" FROM k ORDER BY ${ORDER[opts.sort]}
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
  }

  /** Folds the +1/−1 rows of a round into their sums (the scheduled job, and tests). */
  async fold(roundId: string): Promise<void> {
    await this.db.query(`SELECT round_tally_fold($1)`, [roundId]);
  }

  /** Rounds whose counters gathered many unfolded rows since the last fold. */
  async roundsToFold(minRows: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT round_id AS id FROM round_tally GROUP BY round_id HAVING count(*) FILTER (WHERE n IN (-1, 1)) >= $1`,
      [minRows],
    );
    return rows.map((r) => r.id);
  }
}
