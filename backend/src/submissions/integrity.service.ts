import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/current-user.js';
import { SigningService } from '../signing/signing.service.js';
import { SubmissionsRepository, type SubmissionRow } from './submissions.repository.js';
import { SubmissionsService } from './submissions.service.js';

export interface SignedContentCheck {
  ok: boolean;
  /** The hash the signature holds. */
  expected: string;
  /** The hash of the content stored now (data and attachments). */
  actual: string;
}

/** Is what was signed still what is stored, and is the transition log's hash chain whole? (verify, exports) */
@Injectable()
export class IntegrityService {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly repo: SubmissionsRepository,
    private readonly signing: SigningService,
  ) {}

  /** The hash of the content stored now: data and attachments, as a signature covers them. */
  async currentHash(row: Pick<SubmissionRow, 'id' | 'data'>): Promise<string> {
    return this.signing.contentHash(row.data, await this.repo.attachmentHashes(row.id));
  }

  /** The signed content against the stored one; null when the submission is not signed. */
  async signedContent(row: Pick<SubmissionRow, 'id' | 'data' | 'signature'>): Promise<SignedContentCheck | null> {
    if (!row.signature) return null;
    const actual = await this.currentHash(row);
    return { ok: actual === row.signature.hash, expected: row.signature.hash, actual };
  }

  async verify(user: AuthUser, id: string) {
    const row = await this.submissions.visible(user, id);
    const problems: string[] = [];
    const signature = await this.signedContent(row);
    if (signature && !signature.ok) problems.push('Nội dung báo cáo đã bị thay đổi sau khi ký (mã băm không khớp chữ ký).');
    const logs = await this.repo.logs(id);
    const chain = this.signing.verifyChain(
      logs.map((l) => ({
        submissionId: l.submissionId,
        seq: l.seq,
        event: l.event,
        fromState: l.fromState,
        toState: l.toState,
        actorId: l.actorId,
        comment: l.comment,
        effects: l.effects,
        dataHash: l.dataHash,
        at: new Date(l.at).toISOString(),
        prevHash: l.prevHash,
        hash: l.hash,
      })),
    );
    if (!chain.ok) problems.push(chain.reason!);
    if (logs.length && logs.at(-1)!.toState !== row.state)
      problems.push('Trạng thái hiện tại không khớp với mục cuối của nhật ký chuyển trạng thái.');
    return { ok: problems.length === 0, signature, log: { ok: chain.ok, brokenAt: chain.brokenAt, entries: logs.length }, problems };
  }
}
