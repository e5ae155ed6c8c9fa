import type { AuditEntry } from '@bdg/api-types';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { cappedCount, type Counted, keyset, keysetPage, type SortColumns } from '../common/keyset.js';
import { likePattern, type Paging } from '../common/paging.js';
import { orgQueries } from '../org/org-queries.js';
import { userQueries } from '../users/user-queries.js';

/** The columns the log may be sorted by (`?sort=`); newest first by default. */
export const AUDIT_SORTS: SortColumns = { at: 'a.at', action: 'a.action' };

export interface AuditFilter {
  /** The subtree whose people's entries are listed (the admin's own, or a unit of it). */
  path: string;
  /** The whole log, the system's entries (no actor) included: the root's admins, unnarrowed. */
  withSystem: boolean;
  actorId?: string;
  action?: string;
  /** yyyy-mm-dd, inclusive, in Vietnam's time. */
  from?: string;
  to?: string;
}

// The entry's actor and their unit today: who did it, and whose admin may read it.
const FROM = `audit_log a LEFT JOIN ${userQueries.all} u ON u.id = a.actor_id LEFT JOIN ${orgQueries.units} o ON o.id = u.unit_id`;
const COLUMNS = `a.id::text AS id, a.at, a.action, a.entity, a.entity_id AS "entityId", a.actor_id AS "actorId", u.full_name AS "actorName",
  u.username AS "actorUsername", o.name AS "unitName", CASE WHEN length(a.detail::text) <= 2000 THEN a.detail END AS detail, a.ip`;

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * One page of the log, keyset-paged (newest first walks the index on `at`): a national log of millions of
   * saves pages as fast at page 1,000 as at page 1. The search is the actor's name or username, without
   * accents (the expression of the index app_user_search).
   */
  async page(f: AuditFilter, p: Paging): Promise<{ items: AuditEntry<Date>[]; nextCursor: string | null; count: Counted }> {
    const params: unknown[] = [];
    const where: string[] = ['TRUE'];
    const add = (v: unknown, sql: (n: string) => string) => {
      params.push(v);
      where.push(sql(`$${params.length}`));
    };
    // The root's admins read the whole log, the system's own entries (no actor) included.
    if (!f.withSystem) add(f.path, (n) => `o.path <@ ${n}::ltree`);
    if (f.actorId) add(f.actorId, (n) => `a.actor_id = ${n}`);
    if (f.action) add(f.action, (n) => `a.action = ${n}`);
    if (f.from) add(f.from, (n) => `a.at >= (${n}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
    if (f.to) add(f.to, (n) => `a.at < (${n}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
    if (p.folded) add(likePattern(p.folded), (n) => `bdg_fold(u.full_name || ' ' || u.username) LIKE ${n}`);
    const filtered = where.join(' AND ');
    const countParams = [...params];
    const ks = keyset(p, AUDIT_SORTS, 'at', 'a.id', params, true);
    const w = ks.after ? `${filtered} AND ${ks.after}` : filtered;
    const [rows, count] = await Promise.all([
      this.db.query(`SELECT ${COLUMNS}, ${ks.select} FROM ${FROM} WHERE ${w} ORDER BY ${ks.order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
        ...params,
        p.pageSize,
        ks.offset,
      ]),
      cappedCount((sql, ps) => this.db.query(sql, ps), `${FROM} WHERE ${filtered}`, countParams),
    ]);
    return { ...keysetPage<AuditEntry<Date>>(rows, ks, p), count };
  }

  /** The path of a unit inside `within` (the admin's subtree), or null. */
  async unitPathWithin(unitId: string, within: string): Promise<string | null> {
    const rows = await this.db.query(`SELECT o.path::text AS path FROM ${orgQueries.units} o WHERE o.id = $1 AND o.path <@ $2::ltree`, [unitId, within]);
    return rows[0]?.path ?? null;
  }
}
