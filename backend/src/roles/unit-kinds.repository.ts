import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { orgQueries } from '../org/org-queries.js';

export interface UnitKindRow {
  code: string;
  label: string;
  /** Active units of this kind (all provinces). */
  units: number;
}

@Injectable()
export class UnitKindsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>) {
    return this.db.transaction(fn);
  }

  /** Every labelled kind, and kinds units use that nobody has labelled yet (label = code). */
  all(m?: EntityManager): Promise<UnitKindRow[]> {
    return (m ?? this.db).query(
      `SELECT k.code, COALESCE(l.label, k.code) AS label,
              (SELECT count(*)::int FROM ${orgQueries.units} o WHERE o.kind = k.code AND o.active) AS units
         FROM (SELECT code FROM unit_kind UNION SELECT DISTINCT u.kind FROM ${orgQueries.units} u) k
         LEFT JOIN unit_kind l ON l.code = k.code
        ORDER BY k.code`,
    );
  }

  upsert(m: EntityManager, code: string, label: string, userId: string) {
    return m.query(
      `INSERT INTO unit_kind (code, label, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [code, label, userId],
    );
  }
}
