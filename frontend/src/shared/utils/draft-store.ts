/**
 * Unsaved form input kept in sessionStorage, so an expired session (401), a reload or a lost connection never
 * loses what the user typed. Restored by the fill page when it is newer than the server's copy.
 */
export interface LocalDraft {
  submissionId: string;
  /** The server version the edits were made on. */
  baseVersion: number;
  data: Record<string, unknown>;
  savedAt: number;
}

const key = (id: string) => `bdg.draft.${id}`;

export const draftStore = {
  get(submissionId: string): LocalDraft | null {
    try {
      const raw = sessionStorage.getItem(key(submissionId));
      if (!raw) return null;
      const d = JSON.parse(raw) as LocalDraft;
      return d && d.submissionId === submissionId && typeof d.data === 'object' ? d : null;
    } catch {
      return null;
    }
  },
  set(draft: LocalDraft): void {
    try {
      sessionStorage.setItem(key(draft.submissionId), JSON.stringify(draft));
    } catch {
      // storage full or disabled: the in-memory copy still holds the input
    }
  },
  clear(submissionId: string): void {
    try {
      sessionStorage.removeItem(key(submissionId));
    } catch {
      // ignore
    }
  },
};
