import { HttpException, Injectable } from '@nestjs/common';
import type { ReviewSummary } from '@bdg/api-types';
import type { AuthUser } from '../common/current-user.js';
import type { AcceptItemDto } from './bulk-accept.dto.js';
import { SubmissionsService } from './submissions.service.js';
import { TransitionsService } from './transitions.service.js';

type View = Awaited<ReturnType<SubmissionsService['get']>>;

export type { ReviewSummary };

const acceptOf = (v: View) => v.allowedEvents.find((e) => e.kind === 'accept' && !('blockedReason' in e && e.blockedReason)) ?? null;

/**
 * Bulk accept (issue #18): each report accepted on its own, through the same event route and its own
 * transaction, carrying the contentHash the reviewer saw — a report whose content changed since it was
 * listed is refused (409) and reported, the others proceed.
 */
@Injectable()
export class BulkAcceptService {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly transitions: TransitionsService,
  ) {}

  async summaries(user: AuthUser, ids: string[]): Promise<ReviewSummary[]> {
    const out: ReviewSummary[] = [];
    for (const id of ids) {
      const v = await this.submissions.get(user, id).catch(() => null);
      if (v) out.push(summaryOf(v));
    }
    return out;
  }

  async accept(user: AuthUser, items: AcceptItemDto[]) {
    const accepted: { id: string; unitName: string; state: string; stateLabel: string }[] = [];
    // A report the user cannot see is refused by its position only: its id is not echoed back.
    const refused: { index: number; id?: string; unitName: string | null; status: number; message: string }[] = [];
    for (const [index, item] of items.entries()) {
      let unitName: string | null = null;
      try {
        const v = await this.submissions.get(user, item.id);
        unitName = v.unitName;
        const s = summaryOf(v);
        if (!s.acceptEvent) throw new RefusedError(409, `${v.unitName}: báo cáo không ở bước chờ bạn duyệt (${v.stateLabel}).`);
        if (s.errors || s.warnings)
          throw new RefusedError(409, `${v.unitName}: báo cáo còn ${s.errors} lỗi và ${s.warnings} cảnh báo; hãy mở và duyệt riêng.`);
        const done = await this.transitions.send(user, item.id, { type: s.acceptEvent.type, contentHash: item.contentHash });
        if ('queued' in done) throw new RefusedError(409, `${v.unitName}: thao tác đang được xử lý trong nền.`);
        accepted.push({ id: item.id, unitName: v.unitName, state: done.state, stateLabel: done.stateLabel });
      } catch (e) {
        refused.push({ index, ...(unitName ? { id: item.id } : {}), unitName, ...refusal(e, unitName) });
      }
    }
    return { accepted, refused };
  }
}

class RefusedError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function refusal(e: unknown, unitName: string | null): { status: number; message: string } {
  if (e instanceof RefusedError) return { status: e.status, message: e.message };
  if (e instanceof HttpException) {
    const body = e.getResponse() as { message?: unknown };
    const msg = typeof body?.message === 'string' ? body.message : e.message;
    return { status: e.getStatus(), message: unitName ? `${unitName}: ${msg}` : msg };
  }
  throw e;
}

function summaryOf(v: View): ReviewSummary {
  const accept = acceptOf(v);
  const errors = v.findings.filter((f) => f.severity === 'error').length;
  const warnings = v.findings.filter((f) => f.severity !== 'error').length;
  return {
    id: v.id,
    unitName: v.unitName,
    state: v.state,
    stateLabel: v.stateLabel,
    contentHash: v.contentHash,
    errors,
    warnings,
    acceptEvent: accept ? { type: accept.type, label: accept.label } : null,
    bulkAcceptable: !!accept && errors === 0 && warnings === 0,
  };
}
