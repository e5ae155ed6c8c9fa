import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { userQueries } from '../users/user-queries.js';
import { orgQueries } from '../org/org-queries.js';

export interface RoleRow {
  id: string;
  code: string;
  label: string;
  description: string | null;
  ownerUnitId: string;
  ownerUnitName: string;
  ownerPath: string;
  /** Active users holding the role inside the owner's subtree. */
  holders: number;
  createdAt: Date;
}

const select = `r.id, r.code, r.label, r.description, r.owner_unit_id AS "ownerUnitId", o.name AS "ownerUnitName",
  o.path::text AS "ownerPath", r.created_at AS "createdAt",
  (SELECT count(*)::int FROM ${userQueries.active} u JOIN ${orgQueries.units} uo ON uo.id = u.unit_id
    WHERE r.code = ANY(u.roles) AND uo.path <@ o.path) AS holders`;

@Injectable()
export class RolesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>) {
    return this.db.transaction(fn);
  }

  /** Roles a user sees: those owned above or at their unit (usable there) and those inside their subtree. */
  visible(path: string): Promise<RoleRow[]> {
    return this.db.query(
      `SELECT ${select} FROM app_role r JOIN ${orgQueries.units} o ON o.id = r.owner_unit_id
        WHERE o.path @> $1::ltree OR o.path <@ $1::ltree ORDER BY nlevel(o.path), r.label`,
      [path],
    );
  }

  /** Roles usable at a unit: owned by the unit or one of its ancestors. */
  usableAt(path: string, m: EntityManager = this.db.manager): Promise<RoleRow[]> {
    return m.query(`SELECT ${select} FROM app_role r JOIN ${orgQueries.units} o ON o.id = r.owner_unit_id WHERE o.path @> $1::ltree`, [path]);
  }

  async insert(m: EntityManager, r: { code: string; label: string; description: string | null; ownerUnitId: string; createdBy: string }) {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO app_role (code, label, description, owner_unit_id, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [r.code, r.label, r.description, r.ownerUnitId, r.createdBy],
    );
    return rows[0]!.id;
  }

  async byId(id: string, m: EntityManager = this.db.manager): Promise<RoleRow | null> {
    const rows = await m.query(`SELECT ${select} FROM app_role r JOIN ${orgQueries.units} o ON o.id = r.owner_unit_id WHERE r.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async update(m: EntityManager, id: string, p: { label?: string; description?: string | null }) {
    await m.query(`UPDATE app_role SET label = coalesce($2, label), description = CASE WHEN $4 THEN $3 ELSE description END WHERE id = $1`, [
      id,
      p.label ?? null,
      p.description ?? null,
      p.description !== undefined,
    ]);
  }
}
