import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

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

  /**
   * Every labelled kind, and kinds units use that nobody has labelled yet (label = code), with their active
   * units: one pass over the units (at national size, 100,000 of them), not one count per kind.
   */
  all(m?: EntityManager): Promise<UnitKindRow[]> {
    return (m ?? this.db).query(
      `WITH used AS (SELECT kind AS code, count(*) FILTER (WHERE active)::int AS units FROM org_unit GROUP BY kind)
       SELECT k.code, COALESCE(l.label, k.code) AS label, COALESCE(u.units, 0) AS units
         FROM (SELECT code FROM unit_kind UNION SELECT code FROM used) k
         LEFT JOIN unit_kind l ON l.code = k.code LEFT JOIN used u ON u.code = k.code
        ORDER BY k.code`,
    );
  }

  /** The labels set (a kind nobody labelled reads as its code): no unit is read. */
  labelled(m?: EntityManager): Promise<{ code: string; label: string }[]> {
    return (m ?? this.db).query(`SELECT code, label FROM unit_kind ORDER BY code`);
  }

  upsert(m: EntityManager, code: string, label: string, userId: string) {
    return m.query(
      `INSERT INTO unit_kind (code, label, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [code, label, userId],
    );
  }
}
