import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requestContext } from '../common/request-context.js';
import { AuditLog } from './audit-log.entity.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
}

/** Append-only record of every write; always written in the caller's transaction. */
@Injectable()
export class AuditService {
  async record(m: EntityManager, e: AuditEntry): Promise<void> {
    await m.getRepository(AuditLog).insert({
      actorId: e.actorId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId ?? null,
      detail: (e.detail ?? {}) as never,
      ip: requestContext.getStore()?.ip ?? null,
    });
  }
}
