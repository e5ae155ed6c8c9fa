import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Regime } from '@bdg/regimes';
import type { DataSource, EntityManager } from 'typeorm';
import { roundQueries } from '../rounds/round-queries.js';
import { orgQueries } from '../org/org-queries.js';

export interface RegimeRow {
  id: string;
  code: string;
  ownerUnitId: string;
  ownerPath: string;
  definition: Regime;
  enabled: boolean;
  createdBy: string | null;
  createdAt: Date;
}

const select = `g.id, g.code, g.owner_unit_id AS "ownerUnitId", o.path::text AS "ownerPath", g.definition, g.enabled,
  g.created_by AS "createdBy", g.created_at AS "createdAt"`;

@Injectable()
export class RegimesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>) {
    return this.db.transaction(fn);
  }

  /** Regimes owned within the user's subtree or above it (those above are read-only). */
  visible(userPath: string): Promise<RegimeRow[]> {
    return this.db.query(
      `SELECT ${select} FROM reporting_regime g JOIN ${orgQueries.units} o ON o.id = g.owner_unit_id
        WHERE o.path @> $1::ltree OR o.path <@ $1::ltree ORDER BY g.code`,
      [userPath],
    );
  }

  enabled(): Promise<RegimeRow[]> {
    return this.db.query(`SELECT ${select} FROM reporting_regime g JOIN ${orgQueries.units} o ON o.id = g.owner_unit_id WHERE g.enabled ORDER BY g.code`);
  }

  async byCode(code: string): Promise<RegimeRow | null> {
    const rows = await this.db.query(`SELECT ${select} FROM reporting_regime g JOIN ${orgQueries.units} o ON o.id = g.owner_unit_id WHERE g.code = $1`, [code]);
    return rows[0] ?? null;
  }

  /** Inserts, or answers false when the code is taken (by anyone: codes are unique nationally). */
  async insert(m: EntityManager, r: { code: string; ownerUnitId: string; definition: Regime; createdBy: string | null }): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO reporting_regime (code, owner_unit_id, definition, created_by) VALUES ($1, $2, $3::json, $4)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [r.code, r.ownerUnitId, JSON.stringify(r.definition), r.createdBy],
    );
    return rows[0]?.id ?? null;
  }

  async update(m: EntityManager, id: string, patch: { definition?: Regime; enabled?: boolean }) {
    await m.query(
      `UPDATE reporting_regime SET definition = COALESCE($2::json, definition), enabled = COALESCE($3, enabled), updated_at = now() WHERE id = $1`,
      [id, patch.definition ? JSON.stringify(patch.definition) : null, patch.enabled ?? null],
    );
  }

  /** Periods for which this regime already opened a round. */
  async openedPeriods(regimeId: string): Promise<Map<string, string>> {
    const rows: { period: string; id: string }[] = await this.db.query(`SELECT r.period, r.id FROM ${roundQueries.rounds} r WHERE r.regime_id = $1`, [regimeId]);
    return new Map(rows.map((r) => [r.period, r.id]));
  }
}
