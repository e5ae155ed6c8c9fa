import { Injectable } from '@nestjs/common';
import { preparedQuery } from '../common/prepared.js';
import type { User } from '@bdg/api-types';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { cappedCount, type Counted, keyset, keysetPage, type SortColumns } from '../common/keyset.js';
import { likePattern, type Paging } from '../common/paging.js';
import type { AuthUser } from '../common/current-user.js';
import { User as UserEntity } from './user.entity.js';
import { orgQueries } from '../org/org-queries.js';

/** A user as the API answers it (`User` of @bdg/api-types), with the unit's code and the address always read. */
export type UserView = User & Required<Pick<User, 'unitCode' | 'email'>>;

/** The columns a users list may be sorted by (`?sort=`). */
export const USER_SORTS: SortColumns = { username: 'u.username', fullName: 'u.full_name', unitName: 'o.name', unitCode: 'o.code' };

/**
 * Where a users list reads from. The admin of a root unit (the ministry) lists nearly every user: PostgreSQL
 * walks an index in the order asked (the username's, app_user_full_name, a unit's code or name) and stops
 * after a page. Below the root that walk may pass most of the country before it meets the subtree (usernames
 * and unit codes start with the province's own prefix; the planner assumes no such correlation): 470 ms for
 * a Sở in the national bench tree. So there the subtree's users are read unit by unit (app_user_unit; OFFSET 0
 * keeps the subquery from being flattened back into that walk) and then sorted: bounded by the subtree's
 * size (~10,000 users for a Sở, tens of milliseconds), whatever the order and however large the country.
 */
const FROM_EVERYONE = `app_user u JOIN ${orgQueries.units} o ON o.id = u.unit_id`;
const FROM_SUBTREE = `${orgQueries.units} o CROSS JOIN LATERAL
  (SELECT id, username, full_name, email, unit_id, roles, active, position, must_change_password FROM app_user WHERE unit_id = o.id OFFSET 0) u`;

const viewSelect = `u.id, u.username, u.full_name AS "fullName", u.email, u.unit_id AS "unitId",
  o.code AS "unitCode", o.name AS "unitName", o.kind AS "unitKind", u.roles, u.active, u.position,
  u.must_change_password AS "mustChangePassword"`;

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findForLogin(username: string): Promise<(UserEntity & { passwordHash: string }) | null> {
    return this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne() as Promise<(UserEntity & { passwordHash: string }) | null>;
  }

  /** The user a token names, with the token version every token must still carry. */
  async findAuthUser(id: string): Promise<(AuthUser & { tokenVersion: number }) | null> {
    // Every request's check (jwt-auth.guard): prepared once per connection.
    const rows = await preparedQuery<AuthUser & { tokenVersion: number }>(
      this.db,
      `SELECT u.id, u.username, u.full_name AS "fullName", u.unit_id AS "unitId", o.path::text AS "unitPath", u.roles,
              u.token_version AS "tokenVersion"
         FROM app_user u JOIN ${orgQueries.units} o ON o.id = u.unit_id
        WHERE u.id = $1 AND u.active`,
      [id],
    );
    return rows[0] ?? null;
  }

  async view(id: string): Promise<UserView | null> {
    const rows: UserView[] = await this.db.query(
      `SELECT ${viewSelect} FROM app_user u JOIN ${orgQueries.units} o ON o.id = u.unit_id WHERE u.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Users whose unit lies in the subtree at `path` (the seed's look-ups; the route pages). */
  listInSubtree(path: string, unitId?: string): Promise<UserView[]> {
    return this.db.query(
      `SELECT ${viewSelect} FROM app_user u JOIN ${orgQueries.units} o ON o.id = u.unit_id
        WHERE o.path <@ $1::ltree${unitId ? ' AND u.unit_id = $2' : ''} ORDER BY o.code, u.username`,
      unitId ? [path, unitId] : [path],
    );
  }

  /**
   * One page of the users whose unit lies in the subtree at `path`, searched by name or username;
   * keyset-paged (`p.after`) and counted up to a limit, so that the ministry's admin lists 300,000 people
   * as fast at page 1,000 as at page 1. The username is unique, hence the tiebreak: the default order
   * (unit code, then username) is the one the list always had.
   */
  async page(path: string, unitId: string | undefined, p: Paging): Promise<{ items: UserView[]; nextCursor: string | null; count: Counted }> {
    const params: unknown[] = [path];
    const where = ['o.path <@ $1::ltree'];
    if (unitId) {
      params.push(unitId);
      // On the unit's side: its primary key finds it in either form of FROM (the user's side is behind OFFSET 0 below the root).
      where.push(`o.id = $${params.length}`);
    }
    if (p.folded) {
      params.push(likePattern(p.folded));
      // The expression of the index app_user_search (migration SearchIndexes).
      where.push(`bdg_fold(u.full_name || ' ' || u.username) LIKE $${params.length}`);
    }
    const filtered = where.join(' AND ');
    const countParams = [...params];
    const ks = keyset(p, USER_SORTS, 'unitCode', 'u.username', params);
    const w = ks.after ? `${filtered} AND ${ks.after}` : filtered;
    const from = path.includes('.') ? FROM_SUBTREE : FROM_EVERYONE;
    const [rows, count] = await Promise.all([
      this.db.query(`SELECT ${viewSelect}, ${ks.select} FROM ${from} WHERE ${w} ORDER BY ${ks.order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
        ...params,
        p.pageSize,
        ks.offset,
      ]),
      cappedCount((sql, ps) => this.db.query(sql, ps), `${from} WHERE ${filtered}`, countParams),
    ]);
    return { ...keysetPage<UserView>(rows, ks, p), count };
  }

  /** Who holds a username, if anyone (the caller decides how much of it the asker may hear). */
  async usernameHolder(username: string, m: EntityManager = this.db.manager): Promise<{ fullName: string; unitName: string; unitPath: string } | null> {
    const rows = await m.query(
      `SELECT u.full_name AS "fullName", o.name AS "unitName", o.path::text AS "unitPath"
         FROM app_user u JOIN ${orgQueries.units} o ON o.id = u.unit_id WHERE u.username = $1`,
      [username],
    );
    return rows[0] ?? null;
  }

  /** An active user by username, with where they work (a password reset's target). */
  async activeWithUnit(username: string): Promise<{ id: string; username: string; fullName: string; email: string | null; unitName: string; unitPath: string } | null> {
    const rows = await this.db.query(
      `SELECT u.id, u.username, u.full_name AS "fullName", u.email, o.name AS "unitName", o.path::text AS "unitPath"
         FROM app_user u JOIN ${orgQueries.units} o ON o.id = u.unit_id WHERE u.username = $1 AND u.active`,
      [username],
    );
    return rows[0] ?? null;
  }

  /** Active admins whose unit's subtree holds the unit at `unitPath` (the unit's own admin up to the Bộ's). */
  async adminsOver(m: EntityManager, unitPath: string, exceptUserId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT u.id FROM app_user u JOIN ${orgQueries.units} o ON o.id = u.unit_id
        WHERE u.active AND 'admin' = ANY(u.roles) AND o.path @> $1::ltree AND u.id <> $2`,
      [unitPath, exceptUserId],
    );
    return rows.map((r) => r.id);
  }

  /** A new password chosen through a reset link: no forced change any more, earlier tokens revoked. */
  async setPassword(m: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await m.query(
      `UPDATE app_user SET password_hash = $2, must_change_password = false, token_version = token_version + 1 WHERE id = $1`,
      [userId, passwordHash],
    );
  }

  /** Revokes every token the user holds; in the caller's transaction, beside its audit entry. */
  async bumpTokenVersion(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE app_user SET token_version = token_version + 1 WHERE id = $1`, [id]);
  }

  async passwordHash(id: string): Promise<string | null> {
    const rows: { h: string }[] = await this.db.query(`SELECT password_hash AS h FROM app_user WHERE id = $1 AND active`, [id]);
    return rows[0]?.h ?? null;
  }

  insert(m: EntityManager, u: Partial<UserEntity> & { passwordHash: string }): Promise<UserEntity> {
    return m.getRepository(UserEntity).save(m.getRepository(UserEntity).create(u));
  }

  async update(m: EntityManager, id: string, patch: Partial<UserEntity>) {
    await m.getRepository(UserEntity).update({ id }, patch);
  }

  /** Users holding `role` on `unitId`: who gets notified. */
  async idsWithRole(unitId: string, role: string, m: EntityManager = this.db.manager): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM app_user WHERE unit_id = $1 AND $2 = ANY(roles) AND active`,
      [unitId, role],
    );
    return rows.map((r) => r.id);
  }
}
