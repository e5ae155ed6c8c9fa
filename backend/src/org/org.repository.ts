import { Injectable } from '@nestjs/common';
import type { OrgUnit } from '@bdg/api-types';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { cappedCount, type Counted, keyset, keysetPage, type SortColumns } from '../common/keyset.js';
import { likePattern, type Paging } from '../common/paging.js';
import { submissionQueries } from '../submissions/submission-queries.js';
import { userQueries } from '../users/user-queries.js';

/** A unit as the API answers it (`OrgUnit` of @bdg/api-types), every column read. */
export type OrgUnitView = Required<OrgUnit>;

const select = `o.id, o.code, o.name, o.kind, o.parent_id AS "parentId", o.path::text AS path,
  nlevel(o.path) AS level, o.place_name AS "placeName",
  o.governing_body AS "governingBody", o.short_name AS "shortName", o.head_title AS "headTitle", o.sign_authority AS "signAuthority", o.merged_into_id AS "mergedIntoId", o.active,
  (SELECT count(*)::int FROM org_unit c WHERE c.parent_id = o.id AND c.active) AS "childCount"`;

/** The columns an org-unit list may be sorted by (`?sort=`). */
export const ORG_SORTS: SortColumns = { code: 'o.code', name: 'o.name', kind: 'o.kind' };

/** Letterhead fields of a unit (Nghị định 30/2020): optional, an empty string clears one. */
export interface LetterheadPatch {
  governingBody?: string | null;
  shortName?: string | null;
  headTitle?: string | null;
  signAuthority?: string | null;
}

/** An ltree label for a unit: stable (from its id), whatever its code or name becomes. */
export const labelOf = (id: string) => 'u' + id.replace(/-/g, '');

export interface Letterhead {
  id: string;
  code: string;
  name: string;
  placeName: string | null;
  parentName: string | null;
  parentPlaceName: string | null;
  governingBody: string | null;
  shortName: string | null;
  headTitle: string | null;
  signAuthority: string | null;
}

@Injectable()
export class OrgRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  get manager() {
    return this.db.manager;
  }

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  async byId(id: string, m: EntityManager = this.db.manager): Promise<OrgUnitView | null> {
    const rows = await m.query(`SELECT ${select} FROM org_unit o WHERE o.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async byCode(code: string, m: EntityManager = this.db.manager): Promise<OrgUnitView | null> {
    const rows = await m.query(`SELECT ${select} FROM org_unit o WHERE o.code = $1`, [code]);
    return rows[0] ?? null;
  }

  /**
   * One page of the units visible to a user at `path` (the subtree, and the chain of ancestors above it,
   * read-only): a parent's children, a search over the whole visible tree, or else the user's own unit.
   */
  async page(path: string, opts: { parentId?: string }, p: Paging): Promise<{ items: OrgUnitView[]; nextCursor: string | null; count: Counted }> {
    const params: unknown[] = [path];
    const where = [`(o.path <@ $1::ltree OR o.path @> $1::ltree)`, `o.active`];
    if (opts.parentId) {
      params.push(opts.parentId);
      where.push(`o.parent_id = $${params.length}`);
    } else if (!p.folded) {
      where.push(`o.path = $1::ltree`);
    }
    if (p.folded) {
      params.push(likePattern(p.folded));
      // The expression of the index org_unit_search (migration SearchIndexes).
      where.push(`bdg_fold(o.name || ' ' || o.code) LIKE $${params.length}`);
    }
    const filtered = where.join(' AND ');
    const countParams = [...params];
    // Keyset paging: a search over the national tree (100,000 units) pages as fast at page 200 as at page 1.
    const ks = keyset(p, ORG_SORTS, 'code', 'o.id', params);
    const w = ks.after ? `${filtered} AND ${ks.after}` : filtered;
    const [rows, count] = await Promise.all([
      this.db.query(`SELECT ${select}, ${ks.select} FROM org_unit o WHERE ${w} ORDER BY ${ks.order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
        ...params,
        p.pageSize,
        ks.offset,
      ]),
      cappedCount((sql, ps) => this.db.query(sql, ps), `org_unit o WHERE ${filtered}`, countParams),
    ]);
    return { ...keysetPage<OrgUnitView>(rows, ks, p), count };
  }

  subtree(path: string, m: EntityManager = this.db.manager): Promise<OrgUnitView[]> {
    return m.query(`SELECT ${select} FROM org_unit o WHERE o.path <@ $1::ltree AND o.active ORDER BY o.path`, [path]);
  }

  async isWithin(unitId: string, ancestorPath: string, m: EntityManager = this.db.manager): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM org_unit WHERE id = $1 AND path <@ $2::ltree`, [unitId, ancestorPath]);
    return rows.length > 0;
  }

  async insert(
    m: EntityManager,
    u: { code: string; name: string; kind: string; parentId: string | null; placeName?: string | null } & LetterheadPatch,
  ): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO org_unit (id, code, name, kind, parent_id, place_name, governing_body, short_name, head_title, sign_authority, path)
       SELECT g.id, $1, $2, $3, $4, $5, $6, $7, $8, $9,
              CASE WHEN $4::uuid IS NULL THEN text2ltree('u' || replace(g.id::text, '-', ''))
                   ELSE (SELECT path FROM org_unit WHERE id = $4) || text2ltree('u' || replace(g.id::text, '-', '')) END
         FROM (SELECT gen_random_uuid() AS id) g
       RETURNING id`,
      [u.code, u.name, u.kind, u.parentId, u.placeName ?? null, u.governingBody || null, u.shortName || null, u.headTitle || null, u.signAuthority || null],
    );
    return rows[0]!.id;
  }

  async rename(m: EntityManager, id: string, patch: { name?: string; code?: string; kind?: string; placeName?: string | null } & LetterheadPatch) {
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [col, val] of [
      ['name', patch.name],
      ['code', patch.code],
      ['kind', patch.kind],
      ['place_name', patch.placeName],
      ['governing_body', patch.governingBody],
      ['short_name', patch.shortName],
      ['head_title', patch.headTitle],
      ['sign_authority', patch.signAuthority],
    ] as const) {
      if (val === undefined) continue;
      // An empty string clears an optional letterhead field.
      params.push(val === '' && col !== 'name' && col !== 'code' && col !== 'kind' ? null : val);
      sets.push(`${col} = $${params.length}`);
    }
    if (sets.length) await m.query(`UPDATE org_unit SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  /** Moves a unit and its whole subtree: one UPDATE rewrites every path below it. */
  async move(m: EntityManager, id: string, newParentId: string): Promise<number> {
    const res = await m.query(
      `WITH src AS (SELECT path FROM org_unit WHERE id = $1),
            dst AS (SELECT path FROM org_unit WHERE id = $2)
       UPDATE org_unit o
          SET path = (SELECT path FROM dst) || subpath(o.path, nlevel((SELECT path FROM src)) - 1),
              parent_id = CASE WHEN o.id = $1 THEN $2::uuid ELSE o.parent_id END
        WHERE o.path <@ (SELECT path FROM src)`,
      [id, newParentId],
    );
    return Array.isArray(res) ? (res[1] as number) : 0;
  }

  /** The distinct [parent kind, child kind] pairs of active units in a subtree: the levels of a report. */
  async kindEdges(rootPath: string): Promise<Array<[string, string]>> {
    const rows: { parent: string; child: string }[] = await this.db.query(
      `SELECT DISTINCT p.kind AS parent, c.kind AS child FROM org_unit c JOIN org_unit p ON p.id = c.parent_id
        WHERE c.path <@ $1::ltree AND c.active AND p.active`,
      [rootPath],
    );
    return rows.map((r) => [r.parent, r.child]);
  }

  async childrenOf(id: string, m: EntityManager = this.db.manager): Promise<OrgUnitView[]> {
    return m.query(`SELECT ${select} FROM org_unit o WHERE o.parent_id = $1 AND o.active ORDER BY o.code`, [id]);
  }

  async markMerged(m: EntityManager, id: string, intoId: string) {
    await m.query(`UPDATE org_unit SET merged_into_id = $2, active = false WHERE id = $1`, [id, intoId]);
    // Users of the merged unit now work for the unit it was merged into.
    await m.query(userQueries.moveUnit('$1', '$2'), [id, intoId]);
  }

  /** What an official document's letterhead needs of a unit and its parent. */
  async letterhead(unitId: string): Promise<Letterhead | null> {
    const rows = await this.db.query(
      `SELECT o.id, o.code, o.name, o.place_name AS "placeName", p.name AS "parentName", p.place_name AS "parentPlaceName",
              o.governing_body AS "governingBody", o.short_name AS "shortName", o.head_title AS "headTitle",
              o.sign_authority AS "signAuthority"
         FROM org_unit o LEFT JOIN org_unit p ON p.id = o.parent_id WHERE o.id = $1`,
      [unitId],
    );
    return rows[0] ?? null;
  }

  async namesByIds(ids: string[]): Promise<Map<string, { code: string; name: string }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; code: string; name: string }[] = await this.db.query(`SELECT id, code, name FROM org_unit WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
  }

  async countSubmissions(unitId: string, m: EntityManager = this.db.manager): Promise<number> {
    const rows = await m.query(`SELECT ${submissionQueries.countForUnit('$1')} AS n`, [unitId]);
    return rows[0].n;
  }
}
