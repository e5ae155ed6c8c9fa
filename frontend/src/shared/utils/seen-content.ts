/**
 * What this browser last showed of a submission (its contentHash and data), so that a signer who comes back
 * sees what changed since they last looked. Kept in localStorage; a missing or unreadable entry means "never seen".
 */
import type { JsonObject } from '../api/types';

export interface SeenContent {
  contentHash: string;
  data: JsonObject;
  at: string;
}

const key = (userId: string, submissionId: string) => `bdg.seen.${userId}.${submissionId}`;

export const seenContent = {
  get(userId: string, submissionId: string): SeenContent | null {
    try {
      const raw = localStorage.getItem(key(userId, submissionId));
      return raw ? (JSON.parse(raw) as SeenContent) : null;
    } catch {
      return null;
    }
  },
  set(userId: string, submissionId: string, seen: SeenContent): void {
    try {
      localStorage.setItem(key(userId, submissionId), JSON.stringify(seen));
    } catch {
      // Storage full or disabled: the comparison is a courtesy, the server's contentHash check is the guard.
    }
  },
};
