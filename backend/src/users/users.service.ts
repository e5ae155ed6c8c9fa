import { Injectable } from '@nestjs/common';
import type { Page } from '@bdg/api-types';
import { InjectDataSource } from '@nestjs/typeorm';
import argon2 from 'argon2';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ValidationPool } from '../validation/validation-pool.js';
import { type AuthUser, hasRole } from '../common/current-user.js';
import { headerKey, importAllOrNothing } from '../common/csv.js';

/** The user CSV's columns with their Vietnamese titles (either is accepted). */
export const USER_CSV_COLUMNS = {
  username: 'Tên đăng nhập',
  fullName: 'Họ và tên',
  unitCode: 'Mã đơn vị',
  roles: 'Vai trò',
  password: 'Mật khẩu',
  email: 'Thư điện tử',
  position: 'Chức vụ',
};
import { conflict, forbidden, notFound, unprocessable } from '../common/errors.js';
import { isBelowOrSame } from '../common/access.js';
import { usernameTaken } from '../common/taken-name.js';
import { titleOf } from '../common/validation.js';
import { keyedPageOf } from '../common/keyset.js';
import { paging } from '../common/paging.js';
import { OrgService } from '../org/org.service.js';
import { RolesService } from '../roles/roles.service.js';
import type { CreateUserDto, ListUsersQuery, UpdateUserDto } from './users.dto.js';
import { PasswordHasher } from './password-hasher.js';
import { passwordProblem } from './password-policy.js';
import { normalizeUsername } from './username.js';
import { USER_SORTS, UsersRepository, type UserView } from './users.repository.js';

/** 422 naming the field "Mật khẩu" when the password breaks the policy. */
function assertPasswordAcceptable(password: string, username: string, field = 'password') {
  const problem = passwordProblem(password, username);
  if (problem) throw unprocessable(problem, [{ path: field, title: titleOf(field), message: problem }]);
}

export const hashPassword = (pw: string) => argon2.hash(pw, { type: argon2.argon2id });

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: UsersRepository,
    private readonly org: OrgService,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly roles: RolesService,
    private readonly bodies: ValidationPool,
  ) {}

  /** Built-in roles and those defined at or above the user's unit; anything else is a 422 naming the role. */
  private async requireAssignable(unitId: string, roles: string[]) {
    const unit = await this.org.byId(unitId);
    const problem = unit ? await this.roles.checkAssignable(unit.path, roles) : null;
    if (problem) throw unprocessable(problem, [{ path: 'roles', title: 'Vai trò', message: problem }]);
  }

  findForLogin(username: string) {
    return this.repo.findForLogin(username);
  }

  /** The user's position ("Phó Trưởng phòng"), null when none is recorded. */
  async position(id: string): Promise<string | null> {
    return (await this.repo.view(id))?.position ?? null;
  }

  /** An active user by username with their unit's name and path (the target of "Quên mật khẩu"). */
  activeWithUnit(username: string) {
    return this.repo.activeWithUnit(username);
  }

  /** The active admins over the unit at `unitPath`, in the caller's transaction. */
  adminsOver(m: EntityManager, unitPath: string, exceptUserId: string) {
    return this.repo.adminsOver(m, unitPath, exceptUserId);
  }

  /** Sets a password chosen through a reset link (the caller checked the policy and audits it). */
  setPassword(m: EntityManager, userId: string, passwordHash: string) {
    return this.repo.setPassword(m, userId, passwordHash);
  }

  /** The user as a request or a job acts (active only), with the token version the guard compares. */
  authUser(id: string) {
    return this.repo.findAuthUser(id);
  }

  async view(id: string) {
    const v = await this.repo.view(id);
    if (!v) throw notFound('Không tìm thấy người dùng.');
    return v;
  }

  private requireAdmin(user: AuthUser) {
    if (!hasRole(user, 'admin')) throw forbidden('Chỉ quản trị viên mới được quản lý người dùng.');
  }

  private async requireUnitInSubtree(user: AuthUser, unitId: string) {
    if (!(await this.org.isWithin(unitId, user.unitPath))) throw notFound('Không tìm thấy đơn vị.');
  }

  async list(user: AuthUser, q: ListUsersQuery): Promise<Page<UserView>> {
    this.requireAdmin(user);
    const p = paging(q, Object.keys(USER_SORTS));
    const { count, ...page } = await this.repo.page(user.unitPath, q.unitId, p);
    return keyedPageOf(page, count, p);
  }

  async create(user: AuthUser, dto: CreateUserDto) {
    this.requireAdmin(user);
    await this.requireUnitInSubtree(user, dto.unitId);
    const username = normalizeUsername(dto.username);
    assertPasswordAcceptable(dto.password, username);
    await this.requireAssignable(dto.unitId, dto.roles);
    const passwordHash = await this.hasher.hash(dto.password, user.id);
    const id = await this.db.transaction(async (m) => {
      const holder = await this.repo.usernameHolder(username, m);
      if (holder) throw conflict(usernameTaken(user, username, holder));
      const u = await this.repo.insert(m, {
        username,
        passwordHash,
        fullName: dto.fullName,
        unitId: dto.unitId,
        roles: dto.roles,
        email: dto.email ?? null,
        position: dto.position || null,
      });
      await this.audit.record(m, {
        actorId: user.id,
        action: 'create',
        entity: 'user',
        entityId: u.id,
        detail: { username: u.username, unitId: u.unitId, roles: u.roles },
      });
      return u.id;
    });
    return this.view(id);
  }

  async update(user: AuthUser, id: string, dto: UpdateUserDto) {
    this.requireAdmin(user);
    const target = await this.repo.view(id);
    if (!target || !(await this.org.isWithin(target.unitId, user.unitPath))) throw notFound('Không tìm thấy người dùng.');
    if (dto.unitId) await this.requireUnitInSubtree(user, dto.unitId);
    if (dto.roles !== undefined || dto.unitId !== undefined) await this.requireAssignable(dto.unitId ?? target.unitId, dto.roles ?? target.roles);
    const patch: Record<string, unknown> = {};
    if (dto.fullName !== undefined) patch.fullName = dto.fullName;
    if (dto.unitId !== undefined) patch.unitId = dto.unitId;
    if (dto.roles !== undefined) patch.roles = dto.roles;
    if (dto.email !== undefined) patch.email = dto.email;
    if (dto.position !== undefined) patch.position = dto.position || null;
    if (dto.active !== undefined) patch.active = dto.active;
    if (dto.password !== undefined) {
      assertPasswordAcceptable(dto.password, target.username);
      patch.passwordHash = await this.hasher.hash(dto.password, user.id);
      // An admin's reset is a temporary password: its owner chooses a new one at the next sign-in.
      patch.mustChangePassword = user.id !== id;
    }
    if (!Object.keys(patch).length) return target;
    const revokes =
      dto.password !== undefined ||
      dto.active === false ||
      (dto.unitId !== undefined && dto.unitId !== target.unitId) ||
      (dto.roles !== undefined && [...dto.roles].sort().join() !== [...target.roles].sort().join());
    await this.db.transaction(async (m) => {
      await this.repo.update(m, id, patch);
      if (revokes) await this.repo.bumpTokenVersion(m, id);
      const { passwordHash: _omit, ...shown } = patch;
      await this.audit.record(m, {
        actorId: user.id,
        action: dto.password ? 'update+password' : 'update',
        entity: 'user',
        entityId: id,
        detail: shown,
      });
    });
    return this.view(id);
  }

  /** CSV columns: username,fullName,unitCode,roles (separated by ;),password[,email][,position]. All or nothing. */
  async importCsv(user: AuthUser, buf: Buffer, dryRun: boolean) {
    this.requireAdmin(user);
    const seen = new Set<string>();
    return importAllOrNothing(
      await this.bodies.csv(buf, ['username', 'fullName', 'unitCode', 'roles', 'password'], USER_CSV_COLUMNS),
      (fn) => this.db.transaction(fn),
      async (m, { values: v }, problem) => {
        let ok = true;
        const refuse = (column: string, message: string) => {
          ok = false;
          problem(column, message);
        };
        const username = normalizeUsername(v.username ?? '');
        if (!/^[a-z0-9._-]{3,60}$/.test(username))
          refuse('username', 'Tên đăng nhập 3–60 ký tự, chỉ gồm chữ không dấu, số, dấu chấm, gạch.');
        else if (seen.has(username)) refuse('username', `Tên đăng nhập "${username}" lặp lại trong tệp.`);
        else {
          const holder = await this.repo.usernameHolder(username, m);
          if (holder) refuse('username', usernameTaken(user, username, holder));
        }
        if (!v.fullName) refuse('fullName', 'Họ và tên không được để trống.');
        const unit = v.unitCode ? await this.org.byCode(v.unitCode, m) : null;
        if (!unit || !isBelowOrSame(unit.path, user.unitPath))
          refuse('unitCode', `Không tìm thấy đơn vị "${v.unitCode ?? ''}" trong phạm vi quản lý.`);
        let roles = (v.roles ?? '').split(/[;|]/).map((r) => r.trim()).filter(Boolean);
        if (!roles.length) refuse('roles', 'Cần ít nhất một vai trò (phân cách bằng dấu ;).');
        else if (unit) {
          // A role is written by its code or its Vietnamese label ("Người nhập liệu; Phó hiệu trưởng").
          const known = await this.roles.assignableCodes(unit.path, m);
          const byLabel = new Map([...known].map(([code, label]) => [headerKey(label), code]));
          roles = roles.map((r) => (known.has(r) ? r : (byLabel.get(headerKey(r)) ?? r)));
          const problem = await this.roles.checkAssignable(unit.path, roles, m);
          if (problem) refuse('roles', problem);
        }
        const weak = passwordProblem(v.password ?? '', username);
        if (weak) refuse('password', weak);
        if (!ok) return false;
        seen.add(username);
        // A dry run skips the (slow) password hashing: nothing later depends on these rows.
        if (!dryRun)
          await this.repo.insert(m, {
            username,
            passwordHash: await this.hasher.hash(v.password!, user.id),
            fullName: v.fullName!,
            unitId: unit!.id,
            roles,
            email: v.email || null,
            // Chức vụ prints in the signer block ("KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG").
            position: v.position?.trim().slice(0, 100) || null,
          });
        return true;
      },
      {
        dryRun,
        onImported: (m, created) => this.audit.record(m, { actorId: user.id, action: 'import', entity: 'user', detail: { created } }),
      },
    );
  }


  /** Logout: every token of `userId` stops working at once. */
  async revokeTokens(actorId: string, userId: string) {
    await this.db.transaction(async (m) => {
      await this.repo.bumpTokenVersion(m, userId);
      await this.audit.record(m, { actorId, action: 'logout', entity: 'user', entityId: userId, detail: {} });
    });
  }

  /** A user changes their own password: the current one proves it is them; earlier tokens are revoked. */
  async changeOwnPassword(user: AuthUser, currentPassword: string, newPassword: string) {
    if (!(await this.hasher.verify(await this.repo.passwordHash(user.id), currentPassword, user.id)))
      throw unprocessable('Mật khẩu hiện tại không đúng.', [{ path: 'currentPassword', title: 'Mật khẩu hiện tại', message: 'Mật khẩu hiện tại không đúng.' }]);
    assertPasswordAcceptable(newPassword, user.username, 'newPassword');
    const passwordHash = await this.hasher.hash(newPassword, user.id);
    await this.db.transaction(async (m) => {
      await this.repo.update(m, user.id, { passwordHash, mustChangePassword: false });
      await this.repo.bumpTokenVersion(m, user.id);
      await this.audit.record(m, { actorId: user.id, action: 'change-password', entity: 'user', entityId: user.id, detail: {} });
    });
  }
}
