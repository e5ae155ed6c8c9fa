import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/current-user.js';
import { conflict } from '../common/errors.js';
import { SubmissionsService } from '../submissions/submissions.service.js';
import { SeenRepository, type SeenRow } from './seen.repository.js';

/**
 * "Changes since you last looked", kept on the server per user and submission so that it follows the user from one
 * computer to another. Reading a submission is not an audited act, so recording it is not either: the row is a
 * courtesy to the reader, the contentHash sent with SIGN/ACCEPT remains the guard.
 */
@Injectable()
export class SeenService {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly repo: SeenRepository,
  ) {}

  /** What this user last saw of the submission, or null when never. Visibility is the submission's. */
  async lastSeen(user: AuthUser, submissionId: string): Promise<{ lastSeen: SeenRow | null }> {
    await this.submissions.get(user, submissionId);
    return { lastSeen: await this.repo.get(user.id, submissionId) };
  }

  /**
   * Records that the user now sees the content whose hash they send. The data stored is the server's, never the
   * client's; a hash that is no longer the current content is refused (the page is stale, so it was not seen).
   */
  async markSeen(user: AuthUser, submissionId: string, contentHash: string) {
    const current = await this.submissions.get(user, submissionId);
    if (current.contentHash !== contentHash)
      throw conflict('Nội dung báo cáo đã thay đổi so với trang bạn đang xem. Vui lòng tải lại trang.');
    const row = await this.repo.put(user.id, submissionId, {
      contentHash,
      version: current.version,
      data: current.data as Record<string, unknown>,
    });
    return { contentHash: row.contentHash, version: row.version, seenAt: row.seenAt };
  }
}
