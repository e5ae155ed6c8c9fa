import type { AuditEntry, Page } from '@bdg/api-types';
import { Injectable } from '@nestjs/common';
import { hasRole, type AuthUser } from '../common/current-user.js';
import { forbidden, notFound } from '../common/errors.js';
import { keyedPageOf } from '../common/keyset.js';
import { paging } from '../common/paging.js';
import type { ListAuditQuery } from './audit.dto.js';
import { AUDIT_SORTS, AuditRepository } from './audit.repository.js';

/** Reading the audit log ("Nhật ký"): an admin, for the people of their own subtree. */
@Injectable()
export class AuditLogService {
  constructor(private readonly repo: AuditRepository) {}

  async list(user: AuthUser, q: ListAuditQuery): Promise<Page<AuditEntry<Date>>> {
    if (!hasRole(user, 'admin')) throw forbidden('Chỉ quản trị viên mới được xem nhật ký.');
    const p = paging(q, Object.keys(AUDIT_SORTS));
    // A unit outside the admin's subtree does not exist for them (404, as everywhere).
    const path = q.unitId ? await this.repo.unitPathWithin(q.unitId, user.unitPath) : user.unitPath;
    if (!path) throw notFound('Không tìm thấy đơn vị.');
    const isRoot = !user.unitPath.includes('.');
    const filter = { path, withSystem: isRoot && !q.unitId, actorId: q.actorId, action: q.action, from: q.from, to: q.to };
    const { count, ...page } = await this.repo.page(filter, p);
    return keyedPageOf(page, count, p);
  }
}
