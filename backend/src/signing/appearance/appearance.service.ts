import { Injectable } from '@nestjs/common';
import { isBelowOrSame } from '../../common/access.js';
import { type AuthUser, hasRole } from '../../common/current-user.js';
import { badRequest, forbidden, notFound } from '../../common/errors.js';
import { AuditService } from '../../audit/audit.service.js';
import { AppearanceRepository, type ImageOwner } from './appearance.repository.js';
import { checkPng } from './png-check.js';

const WHAT: Record<ImageOwner, { entity: string; label: string; missing: string }> = {
  user: { entity: 'user', label: 'ảnh chữ ký', missing: 'Không tìm thấy người dùng.' },
  unit: { entity: 'org_unit', label: 'ảnh con dấu', missing: 'Không tìm thấy đơn vị.' },
};

/**
 * The visible appearance's images (Phụ lục I): a person's signature (blue) and a unit's seal (red), both
 * transparent PNGs. An admin manages those of its subtree; a person may also set their own signature.
 */
@Injectable()
export class AppearanceService {
  constructor(
    private readonly repo: AppearanceRepository,
    private readonly audit: AuditService,
  ) {}

  private async allowed(user: AuthUser, kind: ImageOwner, id: string) {
    const owner = await this.repo.owner(kind, id);
    // Another subtree's user or unit does not exist for this admin (404), as elsewhere.
    if (!owner || !isBelowOrSame(owner.unitPath, user.unitPath)) throw notFound(WHAT[kind].missing);
    const self = kind === 'user' && id === user.id;
    if (!self && !hasRole(user, 'admin')) throw forbidden(`Chỉ quản trị viên (hoặc chính người ký) mới được quản lý ${WHAT[kind].label}.`);
    return owner;
  }

  /** The signer's signature image and the unit's seal image for a document (no access check: the caller has done it). */
  async images(userId: string, unitId: string): Promise<{ signature: Buffer | null; seal: Buffer | null }> {
    const [signature, seal] = await Promise.all([this.repo.image('user', userId), this.repo.image('unit', unitId)]);
    return { signature, seal };
  }

  /** The unit's seal image, or null (the generated ring is drawn). */
  sealImage(unitId: string): Promise<Buffer | null> {
    return this.repo.image('unit', unitId);
  }

  /** The stored image, or null (none uploaded: the generated appearance is used). */
  async get(user: AuthUser, kind: ImageOwner, id: string): Promise<Buffer | null> {
    await this.allowed(user, kind, id);
    return this.repo.image(kind, id);
  }

  async set(user: AuthUser, kind: ImageOwner, id: string, file: Buffer | undefined) {
    await this.allowed(user, kind, id);
    const check = checkPng(file);
    if (!check.ok) throw badRequest(check.reason, [{ path: 'file', title: WHAT[kind].label, message: check.reason }]);
    await this.repo.transaction(async (m) => {
      await this.repo.setImage(m, kind, id, file!);
      await this.audit.record(m, { actorId: user.id, action: `${kind === 'user' ? 'signature' : 'seal'}-image:set`, entity: WHAT[kind].entity, entityId: id, detail: { bytes: file!.length, ...check.info } });
    });
    return { hasImage: true, ...check.info, bytes: file!.length };
  }

  async remove(user: AuthUser, kind: ImageOwner, id: string) {
    await this.allowed(user, kind, id);
    await this.repo.transaction(async (m) => {
      await this.repo.setImage(m, kind, id, null);
      await this.audit.record(m, { actorId: user.id, action: `${kind === 'user' ? 'signature' : 'seal'}-image:delete`, entity: WHAT[kind].entity, entityId: id });
    });
    return { hasImage: false };
  }
}
