import { Injectable } from '@nestjs/common';
import type { Page } from '@bdg/api-types';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ValidationPool } from '../validation/validation-pool.js';
import { type AuthUser, hasRole } from '../common/current-user.js';
import { isBelowOrSame } from '../common/access.js';
import { unitCodeTaken } from '../common/taken-name.js';
import { importAllOrNothing } from '../common/csv.js';
import { conflict, forbidden, notFound, unprocessable } from '../common/errors.js';
import { keyedPageOf } from '../common/keyset.js';
import { paging } from '../common/paging.js';
import type { CreateOrgUnitDto, ListOrgUnitsQuery, UpdateOrgUnitDto } from './org.dto.js';
import { ORG_SORTS, OrgRepository, type OrgUnitView } from './org.repository.js';

const UNIT_NOT_FOUND = 'Không tìm thấy đơn vị.';


/** The unit CSV's columns with their Vietnamese titles (any of them is accepted). */
export const ORG_CSV_COLUMNS = {
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  kind: 'Loại đơn vị',
  parentCode: 'Mã đơn vị cấp trên',
  placeName: 'Địa danh',
  governingBody: ['Cơ quan chủ quản', 'Tên cơ quan chủ quản'],
  shortName: 'Tên viết tắt',
  headTitle: 'Chức danh người đứng đầu',
  signAuthority: 'Thẩm quyền ký',
};
@Injectable()
export class OrgService {
  constructor(
    private readonly repo: OrgRepository,
    private readonly audit: AuditService,
    private readonly bodies: ValidationPool,
  ) {}

  // Other modules read units through here, never through the repository.
  byId(id: string, m?: EntityManager) {
    return this.repo.byId(id, m);
  }

  byCode(code: string, m?: EntityManager) {
    return this.repo.byCode(code, m);
  }

  isWithin(unitId: string, ancestorPath: string, m?: EntityManager) {
    return this.repo.isWithin(unitId, ancestorPath, m);
  }

  kindEdges(rootPath: string) {
    return this.repo.kindEdges(rootPath);
  }

  letterhead(unitId: string) {
    return this.repo.letterhead(unitId);
  }

  namesByIds(ids: string[]) {
    return this.repo.namesByIds(ids);
  }

  async list(user: AuthUser, q: ListOrgUnitsQuery): Promise<Page<OrgUnitView>> {
    const p = paging(q, Object.keys(ORG_SORTS));
    const { count, ...page } = await this.repo.page(user.unitPath, q, p);
    return keyedPageOf(page, count, p);
  }

  /** A unit the user may see: in their subtree or above them. Others do not exist for them (404). */
  async get(user: AuthUser, id: string): Promise<OrgUnitView> {
    const unit = await this.repo.byId(id);
    if (!unit || !(isBelowOrSame(unit.path, user.unitPath) || isBelowOrSame(user.unitPath, unit.path)))
      throw notFound(UNIT_NOT_FOUND);
    return unit;
  }

  async tree(user: AuthUser, id: string) {
    const root = await this.get(user, id);
    if (!isBelowOrSame(root.path, user.unitPath)) throw notFound(UNIT_NOT_FOUND);
    const all = await this.repo.subtree(root.path);
    type Node = OrgUnitView & { children: Node[] };
    const byId = new Map<string, Node>(all.map((u) => [u.id, { ...u, children: [] }]));
    for (const n of byId.values()) if (n.parentId && byId.has(n.parentId) && n.id !== root.id) byId.get(n.parentId)!.children.push(n);
    return byId.get(root.id);
  }

  /** A unit an admin may change: strictly inside (or, for create, the parent may be) its own subtree. */
  private async managed(user: AuthUser, id: string, m?: EntityManager): Promise<OrgUnitView> {
    if (!hasRole(user, 'admin')) throw forbidden('Chỉ quản trị viên mới được quản lý đơn vị.');
    const unit = await this.repo.byId(id, m);
    if (!unit || !isBelowOrSame(unit.path, user.unitPath)) throw notFound(UNIT_NOT_FOUND);
    return unit;
  }

  async create(user: AuthUser, dto: CreateOrgUnitDto) {
    await this.managed(user, dto.parentId);
    return this.repo.transaction(async (m) => {
      const holder = await this.repo.byCode(dto.code, m);
      if (holder) throw conflict(unitCodeTaken(user, dto.code, holder));
      const id = await this.repo.insert(m, { ...dto });
      await this.audit.record(m, { actorId: user.id, action: 'create', entity: 'org_unit', entityId: id, detail: { ...dto } });
      return this.repo.byId(id, m);
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateOrgUnitDto) {
    const unit = await this.managed(user, id);
    return this.repo.transaction(async (m) => {
      const holder = dto.code && dto.code !== unit.code ? await this.repo.byCode(dto.code, m) : null;
      if (holder) throw conflict(unitCodeTaken(user, dto.code!, holder));
      await this.repo.rename(m, id, dto);
      if (dto.parentId && dto.parentId !== unit.parentId) await this.moveWithin(m, user, unit, dto.parentId);
      await this.audit.record(m, { actorId: user.id, action: 'update', entity: 'org_unit', entityId: id, detail: { ...dto } });
      return this.repo.byId(id, m);
    });
  }

  async move(user: AuthUser, id: string, parentId: string) {
    const unit = await this.managed(user, id);
    return this.repo.transaction(async (m) => {
      const moved = await this.moveWithin(m, user, unit, parentId);
      await this.audit.record(m, { actorId: user.id, action: 'move', entity: 'org_unit', entityId: id, detail: { parentId, moved } });
      return { ...(await this.repo.byId(id, m)), moved };
    });
  }

  private async moveWithin(m: EntityManager, user: AuthUser, unit: OrgUnitView, parentId: string) {
    if (unit.path === user.unitPath) throw forbidden('Không thể di chuyển chính đơn vị của bạn.');
    const parent = await this.managed(user, parentId, m);
    if (isBelowOrSame(parent.path, unit.path))
      throw unprocessable('Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.', [
        { path: 'parentId', title: 'Đơn vị cấp trên', message: 'Đơn vị cấp trên mới nằm trong cây của đơn vị đang chuyển.' },
      ]);
    // Submissions keep their unit id, so the history moves with the subtree.
    return this.repo.move(m, unit.id, parentId);
  }

  /** What a merge would do, for the preview before confirming. */
  async mergePreview(user: AuthUser, id: string, intoId: string) {
    const unit = await this.managed(user, id);
    const into = await this.managed(user, intoId);
    const children = await this.repo.childrenOf(id);
    return { unit, into, children, submissions: await this.repo.countSubmissions(id) };
  }

  async merge(user: AuthUser, id: string, intoId: string) {
    if (id === intoId) throw unprocessable('Không thể hợp nhất một đơn vị vào chính nó.');
    const unit = await this.managed(user, id);
    const into = await this.managed(user, intoId);
    if (unit.path === user.unitPath) throw forbidden('Không thể hợp nhất chính đơn vị của bạn.');
    if (isBelowOrSame(into.path, unit.path))
      throw unprocessable('Không thể hợp nhất một đơn vị vào đơn vị cấp dưới của nó.');
    return this.repo.transaction(async (m) => {
      const children = await this.repo.childrenOf(id, m);
      for (const c of children) await this.repo.move(m, c.id, intoId);
      await this.repo.markMerged(m, id, intoId);
      await this.audit.record(m, {
        actorId: user.id,
        action: 'merge',
        entity: 'org_unit',
        entityId: id,
        detail: { intoId, children: children.map((c) => c.id) },
      });
      return { merged: id, into: await this.repo.byId(intoId, m), movedChildren: children.length };
    });
  }

  /**
   * CSV columns: code,name,kind,parentCode[,placeName,governingBody,shortName,headTitle,signAuthority],
   * or their Vietnamese headers (see ORG_CSV_COLUMNS). All rows or none.
   */
  async importCsv(user: AuthUser, buf: Buffer, dryRun: boolean) {
    if (!hasRole(user, 'admin')) throw forbidden('Chỉ quản trị viên mới được nhập đơn vị.');
    const seen = new Set<string>();
    return importAllOrNothing(
      await this.bodies.csv(buf, ['code', 'name', 'kind', 'parentCode'], ORG_CSV_COLUMNS),
      (fn) => this.repo.transaction(fn),
      async (m, { values: v }, problem) => {
        let ok = true;
        const refuse = (column: string, message: string) => {
          ok = false;
          problem(column, message);
        };
        if (!/^[A-Za-z0-9._-]{1,60}$/.test(v.code ?? '')) refuse('code', 'Mã đơn vị trống hoặc có ký tự không hợp lệ.');
        else if (seen.has(v.code!)) refuse('code', `Mã đơn vị "${v.code}" lặp lại trong tệp.`);
        else {
          const holder = await this.repo.byCode(v.code!, m);
          if (holder) refuse('code', unitCodeTaken(user, v.code!, holder));
        }
        if (!v.name) refuse('name', 'Tên đơn vị không được để trống.');
        if (!/^[a-z][a-z0-9_]{0,40}$/.test(v.kind ?? '')) refuse('kind', 'Loại đơn vị không hợp lệ (ví dụ: truong_th, phong).');
        const parent = v.parentCode ? await this.repo.byCode(v.parentCode, m) : null;
        if (!parent || !isBelowOrSame(parent.path, user.unitPath))
          refuse('parentCode', `Không tìm thấy đơn vị cấp trên "${v.parentCode ?? ''}" trong phạm vi quản lý.`);
        if (v.shortName && !/^[\p{L}\p{N}&.]{1,20}$/u.test(v.shortName)) refuse('shortName', 'Tên viết tắt chỉ gồm chữ, số, "&", "." (tối đa 20 ký tự), ví dụ SGDĐT.');
        if (v.signAuthority && !/^(TM|TL)\. .{1,100}$/u.test(v.signAuthority)) refuse('signAuthority', 'Dòng ký thay phải bắt đầu bằng "TM. " hoặc "TL. ", ví dụ "TM. ỦY BAN NHÂN DÂN".');
        if (!ok) return false;
        seen.add(v.code!);
        // Written even in a dry run (rolled back after), so later rows may name earlier ones as parents.
        await this.repo.insert(m, {
          code: v.code!,
          name: v.name!,
          kind: v.kind!,
          parentId: parent!.id,
          placeName: v.placeName || null,
          governingBody: v.governingBody || null,
          shortName: v.shortName || null,
          headTitle: v.headTitle || null,
          signAuthority: v.signAuthority || null,
        });
        return true;
      },
      {
        dryRun,
        onImported: (m, created) => this.audit.record(m, { actorId: user.id, action: 'import', entity: 'org_unit', detail: { created } }),
      },
    );
  }
}
