import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { canonicalJson } from '@bdg/schemas';

/** SHA-256 in hex by Node's native crypto (the same digest as @bdg/schemas' sha256Hex, which the browser runs, at a tenth of the cost). */
const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export interface LogHashInput {
  submissionId: string;
  seq: number;
  event: string;
  fromState: string;
  toState: string;
  actorId: string | null;
  comment: string | null;
  effects: unknown[];
  dataHash: string | null;
  at: string;
  prevHash: string | null;
}

/** Content hashes for signatures and the hash-chained transition log (RFC 8785 canonical JSON + SHA-256). */
@Injectable()
export class SigningService {
  /** What a signature covers: the form data and the hashes of its evidence files. */
  contentHash(data: unknown, attachmentHashes: string[]): string {
    return this.contentHashOfCanonical(canonicalJson(data), attachmentHashes);
  }

  /**
   * The same hash from the data's canonical JSON, computed elsewhere (the validation worker): RFC 8785 sorts
   * the keys, so `{attachments, data}` is the attachments' canonical list, then the data's text as given.
   */
  contentHashOfCanonical(canonicalData: string, attachmentHashes: string[]): string {
    return sha256Hex(`{"attachments":${canonicalJson([...attachmentHashes].sort())},"data":${canonicalData}}`);
  }

  logHash(e: LogHashInput): string {
    return sha256Hex(canonicalJson(e));
  }

  /** Recomputes the chain; names the first entry that no longer matches. */
  verifyChain(entries: (LogHashInput & { hash: string })[]): { ok: boolean; brokenAt?: number; reason?: string } {
    let prev: string | null = null;
    for (const e of entries) {
      if (e.prevHash !== prev) return { ok: false, brokenAt: e.seq, reason: `Mục nhật ký số ${e.seq} không nối với mục trước (chuỗi băm bị đứt).` };
      const { hash, ...body } = e;
      if (this.logHash(body) !== hash) return { ok: false, brokenAt: e.seq, reason: `Mục nhật ký số ${e.seq} đã bị sửa sau khi ghi.` };
      prev = hash;
    }
    return { ok: true };
  }
}
