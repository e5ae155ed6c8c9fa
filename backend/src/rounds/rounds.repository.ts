import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { likePattern, orderBy, type Paging } from '../common/paging.js';
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
  /** Nơi nhận for the round's documents (from its regime). */
  recipients: string[];
  createdAt: Date;
  /** `opening` while a background job creates its submissions (`openJobId`), then `open`; `failed` with `openError`. */
  status: 'opening' | 'open' | 'failed';
  openJobId: string | null;
  openError: string | null;
}

/** The columns a rounds list may be sorted by (`?sort=`). */
export const ROUND_SORTS: Record<string, string> = { name: 'r.name', period: 'r.period', createdAt: 'r.created_at', templateCode: 't.code' };

const select = `r.id, r.name, r.template_version_id AS "templateVersionId", t.code AS "templateCode",
  t.version AS "templateVersion", t.title AS "templateTitle", r.root_unit_id AS "rootUnitId", o.name AS "rootUnitName",
  o.path::text AS "rootPath", r.period, r.flows, r.deadlines, r.recipients, r.created_at AS "createdAt",
  r.status, r.open_job_id AS "openJobId", r.open_error AS "openError"`;
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
   * The units that take part, staged once in a temporary table (dropped at commit): a unit's parent in the
   * round is its nearest ancestor that also takes part, found in one walk down the tree (by parent_id).
   * Numbered so that the submissions go in by batches of rows (and the job reports its progress).
   */
  async stageUnits(m: EntityManager, rootId: string, kinds: string[]): Promise<number> {
    await m.query(`DROP TABLE IF EXISTS round_open_stage`);
    await m.query(
      `CREATE TEMP TABLE round_open_stage ON COMMIT DROP AS
       WITH RECURSIVE tree AS (
         SELECT id, kind, NULL::uuid AS round_parent FROM org_unit WHERE id = $1 AND active
         UNION ALL
         SELECT c.id, c.kind, CASE WHEN t.kind = ANY($2) THEN t.id ELSE t.round_parent END
           FROM org_unit c JOIN tree t ON c.parent_id = t.id WHERE c.active
       )
       SELECT id, kind, round_parent, row_number() OVER () AS rn FROM tree WHERE kind = ANY($2)`,
      [rootId, kinds],
    );
    const [row] = await m.query(`SELECT count(*)::int AS n FROM round_open_stage`);
    return row.n as number;
  }

  /** One batch of staged units (rn in (from, to]) becomes submissions, each in its kind's initial state. */
  async insertStaged(
    m: EntityManager,
    p: { roundId: string; templateVersionId: string; perKind: { kind: string; flowVersionId: string; state: string; stateTags: string[]; snapshot: unknown; deadline: string | null }[] },
    from: number,
    to: number,
  ): Promise<number> {
    const k = p.perKind;
    const res = await m.query(
      `INSERT INTO submission (round_id, unit_id, parent_unit_id, template_version_id, flow_version_id, state, snapshot, deadline, state_tags)
       SELECT $1, st.id, st.round_parent, $2, k.flow, k.state, k.snapshot::jsonb, k.deadline::timestamptz,
              ARRAY(SELECT jsonb_array_elements_text(k.tags::jsonb))
         FROM round_open_stage st
         JOIN unnest($3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[]) AS k(kind, flow, state, snapshot, deadline, tags) ON k.kind = st.kind
        WHERE st.rn > $9 AND st.rn <= $10`,
      [
        p.roundId,
        p.templateVersionId,
        k.map((x) => x.kind),
        k.map((x) => x.flowVersionId),
        k.map((x) => x.state),
        k.map((x) => JSON.stringify(x.snapshot)),
        k.map((x) => x.deadline),
        k.map((x) => JSON.stringify(x.stateTags)),
        from,
        to,
      ],
    );
    return Array.isArray(res) ? (res[1] as number) : 0;
  }

  /** The round's progress counters: deferred while its submissions go in, then built once (migration TallyDeferredOnOpen). */
  async deferTally(m: EntityManager, deferred: boolean) {
    await m.query(`SELECT set_config('bdg.tally_deferred', $1, true)`, [deferred ? 'on' : 'off']);
  }

  async rebuildTally(m: EntityManager, roundId: string) {
    await m.query(`SELECT round_tally_rebuild($1)`, [roundId]);
  }

  async setStatus(id: string, status: 'opening' | 'open' | 'failed', patch: { jobId?: string; error?: string | null } = {}, m: EntityManager = this.db.manager) {
    await m.query(`UPDATE round SET status = $2, open_job_id = coalesce($3, open_job_id), open_error = $4 WHERE id = $1`, [id, status, patch.jobId ?? null, patch.error ?? null]);
  }

  /**
   * For each submission of the new round, the same unit's latest earlier answers to this template code or
   * the one it was cloned from, in a round of the comparable period (`periods`: its names; null when the
   * new round's period is free text, then any earlier round).
   */
  previousAnswers(m: EntityManager, roundId: string, codes: string[], periods: string[] | null = null): Promise<{ id: string; templateVersionId: string; data: Record<string, unknown> }[]> {
    return m.query(
      `SELECT DISTINCT ON (s.id) s.id, p.template_version_id AS "templateVersionId", p.data
         FROM submission s
         JOIN submission p ON p.unit_id = s.unit_id AND p.round_id <> s.round_id AND p.data <> '{}'::jsonb
         JOIN template_version t ON t.id = p.template_version_id AND t.code = ANY($2)
         JOIN round r ON r.id = p.round_id AND ($3::text[] IS NULL OR r.period = ANY($3::text[]))
        WHERE s.round_id = $1
        ORDER BY s.id, r.created_at DESC`,
      [roundId, codes, periods],
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
}
