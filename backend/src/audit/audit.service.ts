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

  /** When `action` was last recorded on `entityId` within the last `minutes` (a rate limit's question), in `m`. */
  async lastAt(m: EntityManager, action: string, entityId: string, minutes: number): Promise<Date | undefined> {
    const rows: { at: Date }[] = await m.query(
      `SELECT at FROM audit_log WHERE action = $1 AND entity_id = $2 AND at > now() - make_interval(mins => $3) ORDER BY at DESC LIMIT 1`,
      [action, entityId, minutes],
    );
    return rows[0]?.at;
  }

  /**
   * The same row as a data-modifying CTE (`audit AS (INSERT …)`), for a caller that folds its write and
   * its audit entry into one statement. The entry's parameters are appended to `params`; with `from`
   * (a CTE name) the row is written once per row that CTE returns, so no write means no entry.
   */
  cte(e: AuditEntry, params: unknown[], from?: string): string {
    const n = params.length;
    params.push(e.actorId, e.action, e.entity, e.entityId ?? null, JSON.stringify(e.detail ?? {}), requestContext.getStore()?.ip ?? null);
    const values = `$${n + 1}::uuid, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}::jsonb, $${n + 6}`;
    return `audit AS (INSERT INTO audit_log (actor_id, action, entity, entity_id, detail, ip) ${from ? `SELECT ${values} FROM ${from}` : `VALUES (${values})`})`;
  }
}
