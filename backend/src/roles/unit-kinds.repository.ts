import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { orgQueries } from '../org/org-queries.js';

export interface UnitKindRow {
  code: string;
  /** The label this reader sees: the nearest local name above them, else the national one. */
  label: string;
  /** Active units of this kind (all provinces). */
  units: number;
}

export interface UnitKindView extends UnitKindRow {
  /** The top admin's label, shared by every province. */
  nationalLabel: string;
  /** The local name in force for this reader, and the unit that set it. */
  local: { label: string; unitId: string; unitName: string } | null;
}

/** Every labelled kind, and kinds units use that nobody has labelled yet (label = code). */
const USED = `used AS (SELECT o.kind AS code, count(*) FILTER (WHERE o.active)::int AS units FROM ${orgQueries.units} o GROUP BY o.kind)`;
const KINDS = `(SELECT code FROM unit_kind UNION SELECT code FROM used)`;
/** The local name of kind `k.code` set by the nearest unit at or above the reader's path ($1). */
const NEAREST_LOCAL = `(SELECT x.label FROM unit_kind_label x JOIN ${orgQueries.units} o ON o.id = x.owner_unit_id
  WHERE x.code = k.code AND o.path @> $1::ltree ORDER BY nlevel(o.path) DESC LIMIT 1)`;

@Injectable()
export class UnitKindsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>) {
    return this.db.transaction(fn);
  }

  /**
   * National labels only (no reader), with each kind's active units: one pass over the units (at national
   * size, 100,000 of them), not one count per kind.
   */
  all(m?: EntityManager): Promise<UnitKindRow[]> {
    return (m ?? this.db).query(
      `WITH ${USED} SELECT k.code, COALESCE(l.label, k.code) AS label, COALESCE(u.units, 0) AS units
         FROM ${KINDS} k LEFT JOIN unit_kind l ON l.code = k.code LEFT JOIN used u ON u.code = k.code ORDER BY k.code`,
    );
  }

  /** The national labels set (a kind nobody labelled reads as its code): no unit is read. */
  labelled(m?: EntityManager): Promise<{ code: string; label: string }[]> {
    return (m ?? this.db).query(`SELECT code, label FROM unit_kind ORDER BY code`);
  }

  /** The labels set as a reader at `path` sees them (the nearest local name wins): no unit is counted. */
  labelledFrom(path: string, m?: EntityManager): Promise<{ code: string; label: string }[]> {
    return (m ?? this.db).query(
      `SELECT k.code, COALESCE(${NEAREST_LOCAL}, l.label, k.code) AS label
         FROM (SELECT code FROM unit_kind UNION SELECT code FROM unit_kind_label) k LEFT JOIN unit_kind l ON l.code = k.code`,
      [path],
    );
  }

  /** Labels as a reader at `path` sees them: the local name of the nearest unit at or above `path` wins. */
  async seenFrom(path: string, m?: EntityManager): Promise<UnitKindView[]> {
    const rows: (UnitKindRow & { nationalLabel: string; localLabel: string | null; localUnitId: string | null; localUnitName: string | null })[] = await (m ?? this.db).query(
      `WITH ${USED} SELECT k.code, COALESCE(loc.label, l.label, k.code) AS label, COALESCE(l.label, k.code) AS "nationalLabel", COALESCE(u.units, 0) AS units,
              loc.label AS "localLabel", loc.unit_id AS "localUnitId", loc.unit_name AS "localUnitName"
         FROM ${KINDS} k
         LEFT JOIN unit_kind l ON l.code = k.code
         LEFT JOIN used u ON u.code = k.code
         LEFT JOIN LATERAL (
           SELECT x.label, o.id AS unit_id, o.name AS unit_name
             FROM unit_kind_label x JOIN ${orgQueries.units} o ON o.id = x.owner_unit_id
            WHERE x.code = k.code AND o.path @> $1::ltree
            ORDER BY nlevel(o.path) DESC LIMIT 1) loc ON true
        ORDER BY k.code`,
      [path],
    );
    return rows.map(({ localLabel, localUnitId, localUnitName, ...r }) => ({
      ...r,
      local: localLabel && localUnitId ? { label: localLabel, unitId: localUnitId, unitName: localUnitName ?? '' } : null,
    }));
  }

  upsert(m: EntityManager, code: string, label: string, userId: string) {
    return m.query(
      `INSERT INTO unit_kind (code, label, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [code, label, userId],
    );
  }

  upsertLocal(m: EntityManager, unitId: string, code: string, label: string, userId: string) {
    return m.query(
      `INSERT INTO unit_kind_label (owner_unit_id, code, label, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (owner_unit_id, code) DO UPDATE SET label = EXCLUDED.label, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [unitId, code, label, userId],
    );
  }

  /** Removes a unit's own name for a kind; the previous label, if there was one. */
  async deleteLocal(m: EntityManager, unitId: string, code: string): Promise<string | null> {
    const res: unknown[] = await m.query(`DELETE FROM unit_kind_label WHERE owner_unit_id = $1 AND code = $2 RETURNING label`, [unitId, code]);
    // TypeORM answers a DELETE … RETURNING with [rows, count].
    const rows = (Array.isArray(res[0]) ? res[0] : res) as { label: string }[];
    return rows[0]?.label ?? null;
  }
}
