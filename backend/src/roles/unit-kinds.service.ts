import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/current-user.js';
import { forbidden } from '../common/errors.js';
import { UnitKindsRepository, type UnitKindView } from './unit-kinds.repository.js';

/** What a PUT by this user changes: the national label (top admin), their unit's local name (other admins), nothing. */
export type UnitKindScope = 'national' | 'local' | null;

/**
 * Unit kinds and their Vietnamese labels, as data next to the roles: the UI, dashboards and messages show
 * "Trường THCS", never `truong_thcs`. Kinds are shared codes (flows and rounds are keyed by them), so the top admin
 * names them for everyone; an admin below (a Sở for its province) names a kind for their own subtree, and users
 * there see that name. Renaming a code, or a kind only one province uses, would break the codes others rely on.
 */
@Injectable()
export class UnitKindsService {
  constructor(
    private readonly repo: UnitKindsRepository,
    private readonly audit: AuditService,
  ) {}

  static scopeOf(user: AuthUser): UnitKindScope {
    if (!user.roles.includes('admin')) return null;
    // The root's path has one label: the ministry (or the installation's top unit).
    return user.unitPath.includes('.') ? 'local' : 'national';
  }

  async list(user: AuthUser): Promise<(UnitKindView & { canSet: UnitKindScope })[]> {
    const canSet = UnitKindsService.scopeOf(user);
    return (await this.repo.seenFrom(user.unitPath)).map((k) => ({ ...k, canSet }));
  }

  /** code → label, for messages; as seen from `path` (a round's root) when given; a kind nobody labelled reads as its code. */
  async labels(m?: EntityManager, path?: string): Promise<Record<string, string>> {
    const rows = path ? await this.repo.labelledFrom(path, m) : await this.repo.labelled(m);
    return Object.fromEntries(rows.map((k) => [k.code, k.label]));
  }

  async setLabel(user: AuthUser, code: string, label: string) {
    const scope = UnitKindsService.scopeOf(user);
    if (!scope) throw forbidden('Chỉ quản trị viên mới được đặt tên loại đơn vị.');
    const clean = label.trim();
    await this.repo.transaction(async (m) => {
      if (scope === 'national') await this.repo.upsert(m, code, clean, user.id);
      else await this.repo.upsertLocal(m, user.unitId, code, clean, user.id);
      await this.audit.record(m, { actorId: user.id, action: 'update', entity: 'unit-kind', entityId: null, detail: { code, label: clean, scope, unitId: user.unitId } });
    });
    return this.one(user, code);
  }

  /** An admin below the top goes back to the national label for their subtree (nothing to undo is fine). */
  async clearLocal(user: AuthUser, code: string) {
    const scope = UnitKindsService.scopeOf(user);
    if (scope !== 'local') throw forbidden(scope ? 'Tên chung của loại đơn vị không có tên riêng để bỏ; hãy đặt tên mới.' : 'Chỉ quản trị viên mới được đặt tên loại đơn vị.');
    await this.repo.transaction(async (m) => {
      const previous = await this.repo.deleteLocal(m, user.unitId, code);
      if (previous !== null)
        await this.audit.record(m, { actorId: user.id, action: 'delete', entity: 'unit-kind', entityId: null, detail: { code, label: previous, scope, unitId: user.unitId } });
    });
    return this.one(user, code);
  }

  private async one(user: AuthUser, code: string) {
    const row = (await this.list(user)).find((k) => k.code === code);
    return row ?? { code, label: code, nationalLabel: code, units: 0, local: null, canSet: UnitKindsService.scopeOf(user) };
  }
}
