import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { likePattern, orderBy, type Paging } from '../common/paging.js';
import { Round } from './round.entity.js';
import { templateQueries } from '../templates/template-queries.js';
import { orgQueries } from '../org/org-queries.js';
import { ROUND_OPEN_STAGE } from './round-queries.js';

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
const from = `round r JOIN ${templateQueries.versions} t ON t.id = r.template_version_id JOIN ${orgQueries.units} o ON o.id = r.root_unit_id`;

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
      `SELECT o.kind, count(*)::int AS n FROM ${orgQueries.units} o WHERE o.path <@ $1::ltree AND o.active AND o.kind = ANY($2) GROUP BY o.kind`,
      [rootPath, kinds],
    );
    return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
  }

  /**
   * The units that take part, staged once in a temporary table (dropped at commit): a unit's parent in the
   * round is its nearest ancestor that also takes part, found in one walk down the tree (by parent_id).
   * Numbered so that the submissions go in by batches of rows (and the job reports its progress).
   * Answers how many units of each kind take part: each gets one submission.
   */
  async stageUnits(m: EntityManager, rootId: string, kinds: string[]): Promise<Record<string, number>> {
    await m.query(`DROP TABLE IF EXISTS ${ROUND_OPEN_STAGE}`);
    await m.query(
      `CREATE TEMP TABLE ${ROUND_OPEN_STAGE} ON COMMIT DROP AS
       WITH RECURSIVE tree AS (
         SELECT o.id, o.kind, NULL::uuid AS round_parent FROM ${orgQueries.units} o WHERE o.id = $1 AND o.active
         UNION ALL
         SELECT c.id, c.kind, CASE WHEN t.kind = ANY($2) THEN t.id ELSE t.round_parent END
           FROM ${orgQueries.units} c JOIN tree t ON c.parent_id = t.id WHERE c.active
       )
       SELECT id, kind, round_parent, row_number() OVER () AS rn FROM tree WHERE kind = ANY($2)`,
      [rootId, kinds],
    );
    const rows: { kind: string; n: number }[] = await m.query(`SELECT kind, count(*)::int AS n FROM ${ROUND_OPEN_STAGE} GROUP BY kind`);
    return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
  }

  /** The round's progress counters: deferred while its submissions go in, then built once (migration TallyDeferredOnOpen). */
  async deferTally(m: EntityManager, deferred: boolean) {
    await m.query(`SELECT set_config('bdg.tally_deferred', $1, true)`, [deferred ? 'on' : 'off']);
  }

  async rebuildTally(m: EntityManager, roundId: string) {
    await m.query(`SELECT round_tally_rebuild($1)`, [roundId]);
  }

  async setOpenJob(id: string, jobId: string) {
    await this.db.query(`UPDATE round SET open_job_id = $2 WHERE id = $1`, [id, jobId]);
  }

  async setStatus(id: string, status: 'opening' | 'open' | 'failed', patch: { error?: string | null } = {}, m: EntityManager = this.db.manager) {
    await m.query(`UPDATE round SET status = $2, open_error = $3 WHERE id = $1`, [id, status, patch.error ?? null]);
  }
}
