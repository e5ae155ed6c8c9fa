import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { likePattern, orderBy, type Paging } from '../common/paging.js';
import { HANDED_IN_TAGS } from '@bdg/workflows';
import { Round } from './round.entity.js';

export interface RoundView {
  id: string;
  name: string;
  templateVersionId: string;
  templateCode: string;
  templateVersion: number;
  templateTitle: string;
  rootUnitId: string;
  rootUnitName: string;
  rootPath: string;
  period: string;
  flows: Record<string, string>;
  deadlines: Record<string, string>;
  createdAt: Date;
}

/** The columns a rounds list may be sorted by (`?sort=`). */
export const ROUND_SORTS: Record<string, string> = { name: 'r.name', period: 'r.period', createdAt: 'r.created_at', templateCode: 't.code' };

const select = `r.id, r.name, r.template_version_id AS "templateVersionId", t.code AS "templateCode",
  t.version AS "templateVersion", t.title AS "templateTitle", r.root_unit_id AS "rootUnitId", o.name AS "rootUnitName",
  o.path::text AS "rootPath", r.period, r.flows, r.deadlines, r.created_at AS "createdAt"`;
const from = `round r JOIN template_version t ON t.id = r.template_version_id JOIN org_unit o ON o.id = r.root_unit_id`;

@Injectable()
export class RoundsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>) {
    return this.db.transaction(fn);
  }

  /** One page of the rounds that touch the user's subtree (opened above it or inside it), searched by name. */
  async page(userPath: string, p: Paging): Promise<{ rows: RoundView[]; total: number }> {
    const params: unknown[] = [userPath];
    const where = ['(o.path @> $1::ltree OR o.path <@ $1::ltree)'];
    if (p.folded) {
      // Rounds are a few per period and province: folded on the fly, no index needed.
      params.push(likePattern(p.folded));
      where.push(`bdg_fold(r.name || ' ' || r.period) LIKE $${params.length}`);
    }
    const w = where.join(' AND ');
    const order = orderBy(p, ROUND_SORTS, 'r.created_at DESC', 'r.id');
    const [rows, count] = await Promise.all([
      this.db.query(`SELECT ${select} FROM ${from} WHERE ${w} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
        ...params,
        p.pageSize,
        p.offset,
      ]),
      this.db.query(`SELECT count(*)::int AS n FROM ${from} WHERE ${w}`, params),
    ]);
    return { rows, total: count[0].n };
  }


  async byId(id: string, m: EntityManager = this.db.manager): Promise<RoundView | null> {
    const rows = await m.query(`SELECT ${select} FROM ${from} WHERE r.id = $1`, [id]);
    return rows[0] ?? null;
  }

  insert(m: EntityManager, r: Partial<Round>) {
    return m.getRepository(Round).save(m.getRepository(Round).create(r));
  }

  /** Units of the subtree by kind: what opening a round would create. */
  async countByKind(rootPath: string, kinds: string[]): Promise<Record<string, number>> {
    const rows: { kind: string; n: number }[] = await this.db.query(
      `SELECT kind, count(*)::int AS n FROM org_unit WHERE path <@ $1::ltree AND active AND kind = ANY($2) GROUP BY kind`,
      [rootPath, kinds],
    );
    return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
  }

  /**
   * One INSERT … SELECT per unit kind over the subtree (never a loop of single inserts). A unit's parent in
   * the round is its nearest ancestor that also takes part, found in one walk down the tree (by parent_id).
   */
  async createSubmissions(
    m: EntityManager,
    p: { roundId: string; rootId: string; kind: string; templateVersionId: string; flowVersionId: string; state: string; stateTags: string[]; snapshot: unknown; deadline: string | null; kinds: string[] },
  ): Promise<number> {
    const res = await m.query(
      `WITH RECURSIVE tree AS (
         SELECT id, kind, NULL::uuid AS round_parent FROM org_unit WHERE id = $2 AND active
         UNION ALL
         SELECT c.id, c.kind, CASE WHEN t.kind = ANY($9) THEN t.id ELSE t.round_parent END
           FROM org_unit c JOIN tree t ON c.parent_id = t.id WHERE c.active
       )
       INSERT INTO submission (round_id, unit_id, parent_unit_id, template_version_id, flow_version_id, state, snapshot, deadline, state_tags)
       SELECT $1, tree.id, tree.round_parent, $4, $5, $6, $7::jsonb, $8::timestamptz, $10::text[] FROM tree WHERE tree.kind = $3`,
      [p.roundId, p.rootId, p.kind, p.templateVersionId, p.flowVersionId, p.state, JSON.stringify(p.snapshot), p.deadline, p.kinds, p.stateTags],
    );
    return Array.isArray(res) ? (res[1] as number) : 0;
  }

  /**
   * For each submission of the new round, the same unit's latest earlier answers to this template code or
   * the one it was cloned from (last year's report).
   */
  previousAnswers(m: EntityManager, roundId: string, codes: string[]): Promise<{ id: string; templateVersionId: string; data: Record<string, unknown> }[]> {
    return m.query(
      `SELECT DISTINCT ON (s.id) s.id, p.template_version_id AS "templateVersionId", p.data
         FROM submission s
         JOIN submission p ON p.unit_id = s.unit_id AND p.round_id <> s.round_id AND p.data <> '{}'::jsonb
         JOIN template_version t ON t.id = p.template_version_id AND t.code = ANY($2)
         JOIN round r ON r.id = p.round_id
        WHERE s.round_id = $1
        ORDER BY s.id, r.created_at DESC`,
      [roundId, codes],
    );
  }

  /** One UPDATE for all carried-forward answers. */
  async setData(m: EntityManager, rows: { id: string; data: unknown }[]) {
    if (!rows.length) return;
    await m.query(
      `UPDATE submission s SET data = v.data FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::jsonb[]) AS data) v WHERE s.id = v.id`,
      [rows.map((r) => r.id), rows.map((r) => JSON.stringify(r.data))],
    );
  }

  async countsByKind(m: EntityManager, roundId: string): Promise<Record<string, number>> {
    const rows: { kind: string; n: number }[] = await m.query(
      `SELECT o.kind, count(*)::int AS n FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.round_id = $1 GROUP BY o.kind`,
      [roundId],
    );
    return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
  }

  /** Progress rows for every submission of the round inside `path`. */
  progress(roundId: string, path: string) {
    return this.db.query(
      `SELECT s.id AS "submissionId", o.id AS "unitId", o.code AS "unitCode", o.name AS "unitName", o.kind,
              s.parent_unit_id AS "parentId", s.state, s.state_tags AS "stateTags", s.locked, s.final, s.deadline,
              (s.state_tags && $3::text[] OR s.final) AS "handedIn",
              (s.compiled->>'included')::int AS "compiledIncluded",
              (s.deadline IS NOT NULL AND s.deadline < now() AND NOT s.locked AND NOT s.final) AS late
         FROM submission s JOIN org_unit o ON o.id = s.unit_id
        WHERE s.round_id = $1 AND o.path <@ $2::ltree
        ORDER BY nlevel(o.path), o.code`,
      [roundId, path, HANDED_IN_TAGS],
    ) as Promise<
      {
        submissionId: string;
        unitId: string;
        unitCode: string;
        unitName: string;
        kind: string;
        parentId: string | null;
        state: string;
        stateTags: string[];
        handedIn: boolean;
        locked: boolean;
        final: boolean;
        deadline: Date | null;
        compiledIncluded: number | null;
        late: boolean;
      }[]
    >;
  }
}
