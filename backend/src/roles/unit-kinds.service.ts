import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/current-user.js';
import { forbidden } from '../common/errors.js';
import { UnitKindsRepository } from './unit-kinds.repository.js';

/**
 * Unit kinds and their Vietnamese labels, as data next to the roles: the UI, dashboards and messages show
 * "Trường THCS", never `truong_thcs`. Kinds are shared by every province, so only the top admin renames them.
 */
@Injectable()
export class UnitKindsService {
  constructor(
    private readonly repo: UnitKindsRepository,
    private readonly audit: AuditService,
  ) {}

  list() {
    return this.repo.all();
  }

  /** code → label, for messages; a kind nobody labelled reads as its code. */
  async labels(m?: EntityManager): Promise<Record<string, string>> {
    return Object.fromEntries((await this.repo.labelled(m)).map((k) => [k.code, k.label]));
  }

  async setLabel(user: AuthUser, code: string, label: string) {
    // The root's path has one label: the ministry (or the installation's top unit).
    if (!user.roles.includes('admin') || user.unitPath.includes('.'))
      throw forbidden('Chỉ quản trị viên cấp cao nhất mới được đặt tên loại đơn vị (dùng chung cho mọi tỉnh).');
    await this.repo.transaction(async (m) => {
      await this.repo.upsert(m, code, label.trim(), user.id);
      await this.audit.record(m, { actorId: user.id, action: 'update', entity: 'unit-kind', entityId: null, detail: { code, label: label.trim() } });
    });
    return (await this.repo.all()).find((k) => k.code === code)!;
  }
}
