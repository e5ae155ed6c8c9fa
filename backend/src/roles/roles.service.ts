import { Injectable } from '@nestjs/common';
import type { Page, RoleDef } from '@bdg/api-types';
import { type KnownRole, ROLES, roleLabels } from '@bdg/workflows';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/current-user.js';
import { type PageQuery, pageArray, paging } from '../common/paging.js';
import { canEdit } from '../common/access.js';
import { conflict, forbidden, notFound, unprocessable } from '../common/errors.js';
import { OrgService } from '../org/org.service.js';
import type { CreateRoleDto, UpdateRoleDto } from './roles.dto.js';
import { RolesRepository, type RoleRow } from './roles.repository.js';

const BUILT_IN_DESCRIPTIONS: Record<string, string> = {
  admin: 'Quản lý biểu mẫu, quy trình, đợt báo cáo, đơn vị và người dùng trong phạm vi của mình.',
  editor: 'Nhập liệu báo cáo của đơn vị mình.',
  head: 'Ký duyệt báo cáo của đơn vị mình.',
  reviewer: 'Duyệt, trả lại báo cáo của đơn vị trực thuộc; tổng hợp báo cáo của đơn vị mình.',
};

const builtIns = () =>
  ROLES.map((code) => ({ code, label: roleLabels[code], description: BUILT_IN_DESCRIPTIONS[code] ?? null, builtIn: true, ownerUnitId: null, ownerUnitName: null, holders: null }));

const view = (r: RoleRow) => ({
  id: r.id,
  code: r.code,
  label: r.label,
  description: r.description,
  builtIn: false,
  ownerUnitId: r.ownerUnitId,
  ownerUnitName: r.ownerUnitName,
  holders: r.holders,
  createdAt: r.createdAt,
});

/** Roles as data: the four built in, plus those a province admin defines (code + Vietnamese label), owned by a unit. */
@Injectable()
export class RolesService {
  constructor(
    private readonly repo: RolesRepository,
    private readonly org: OrgService,
    private readonly audit: AuditService,
  ) {}

  /** The built-in roles and a subtree's own: tens at most, paged in memory by the shared helper. */
  async list(user: AuthUser, q: PageQuery): Promise<Page<RoleDef>> {
    const p = paging(q, ['code', 'label']);
    const rows: RoleDef[] = [...builtIns(), ...(await this.repo.visible(user.unitPath)).map(view)];
    return pageArray(rows, p, { text: (r) => `${r.code} ${r.label}`, sortBy: { code: (r) => r.code, label: (r) => r.label } });
  }

  async create(user: AuthUser, dto: CreateRoleDto) {
    if (!user.roles.includes('admin')) throw forbidden('Chỉ quản trị viên mới được tạo vai trò.');
    const ownerId = dto.ownerUnitId ?? user.unitId;
    const owner = await this.org.byId(ownerId);
    if (!owner || !canEdit(user, owner.path)) throw notFound('Không tìm thấy đơn vị sở hữu vai trò trong phạm vi quản lý.');
    if ((ROLES as readonly string[]).includes(dto.code))
      throw unprocessable(`"${dto.code}" là vai trò có sẵn, không cần tạo.`, [{ path: 'code', title: 'Mã vai trò', message: 'Trùng vai trò có sẵn.' }]);
    return this.repo.transaction(async (m) => {
      const clash = (await this.repo.usableAt(owner.path, m)).find((r) => r.code === dto.code);
      if (clash) throw conflict(`Vai trò "${dto.code}" đã có (${clash.label}, thuộc ${clash.ownerUnitName}).`);
      const id = await this.repo.insert(m, { code: dto.code, label: dto.label.trim(), description: dto.description ?? null, ownerUnitId: owner.id, createdBy: user.id });
      await this.audit.record(m, { actorId: user.id, action: 'create', entity: 'role', entityId: id, detail: { code: dto.code, label: dto.label } });
      return view((await this.repo.byId(id, m))!);
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateRoleDto) {
    const r = await this.repo.byId(id);
    if (!r || !canEdit(user, r.ownerPath)) throw notFound('Không tìm thấy vai trò trong phạm vi quản lý.');
    return this.repo.transaction(async (m) => {
      await this.repo.update(m, id, dto);
      await this.audit.record(m, { actorId: user.id, action: 'update', entity: 'role', entityId: id, detail: { ...dto } });
      return view((await this.repo.byId(id, m))!);
    });
  }

  /** Codes that may be given to a user of the unit at `unitPath`: built-ins plus roles owned at or above it. */
  async assignableCodes(unitPath: string, m?: EntityManager): Promise<Map<string, string>> {
    const out = new Map<string, string>(ROLES.map((c) => [c, roleLabels[c]]));
    for (const r of await this.repo.usableAt(unitPath, m)) out.set(r.code, r.label);
    return out;
  }

  /** Refuses role codes that do not exist for that unit, naming them. */
  async checkAssignable(unitPath: string, roles: string[], m?: EntityManager): Promise<string | null> {
    const known = await this.assignableCodes(unitPath, m);
    const unknown = roles.filter((r) => !known.has(r));
    return unknown.length ? `Vai trò không có ở đơn vị này: ${unknown.join(', ')}. Vai trò dùng được: ${[...known.keys()].join(', ')}.` : null;
  }

  /** The roles a flow owned at `ownerPath` may name, for lint (with how many users hold each). */
  async forLint(ownerPath: string | null): Promise<KnownRole[]> {
    const rows = ownerPath ? await this.repo.usableAt(ownerPath) : [];
    return [...ROLES.map((code) => ({ code, label: roleLabels[code] })), ...rows.map((r) => ({ code: r.code, label: r.label, holders: r.holders }))];
  }

  /** Vietnamese labels of the roles usable at a unit (refusal messages name roles by label). */
  /** Inside a transaction pass its manager: a second connection while holding a row lock can exhaust the pool. */
  async labelsAt(unitPath: string, m?: EntityManager): Promise<Record<string, string>> {
    return Object.fromEntries(await this.assignableCodes(unitPath, m));
  }
}
