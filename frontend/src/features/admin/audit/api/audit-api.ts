/** `GET /api/audit`: the audit log of the admin's subtree, one page (keyset-paged by the server). */
import type { AuditEntry, Page } from '@bdg/api-types';
import { apiFetch } from '../../../../shared/api/client';
import { listQuery, type ListParams } from '../../../../shared/paging/page-params';

/** The log's own filters, beside `?page=&pageSize=&q=&sort=&after=`. */
export interface AuditFilters {
  unitId?: string;
  action?: string;
  /** yyyy-mm-dd, inclusive (Vietnam's days). */
  from?: string;
  to?: string;
}

export const auditApi = {
  list: (params: ListParams) => apiFetch<Page<AuditEntry>>(`/api/audit${listQuery(params)}`),
};

export const auditKeys = { list: ['admin', 'audit'] as const };
