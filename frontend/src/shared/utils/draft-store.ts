/**
 * Unsaved form input kept in the browser, so an expired session (401), a reload or a lost connection never loses
 * what the user typed. Two copies: sessionStorage (read synchronously when the fill page opens) and IndexedDB (the
 * offline queue: it outlives the tab, so input typed offline is sent once the page is open again with a network).
 * Restored by the fill page; the server's version check (409) reconciles a copy made on an older version.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

export interface LocalDraft {
  submissionId: string;
  /** The server version the edits were made on. */
  baseVersion: number;
  data: Record<string, unknown>;
  savedAt: number;
}

const key = (id: string) => `bdg.draft.${id}`;

let idbStore: UseStore | null | undefined;
function idb(): UseStore | null {
  if (idbStore === undefined) {
    try {
      idbStore = typeof indexedDB === 'undefined' ? null : createStore('bdg-offline', 'drafts');
    } catch {
      idbStore = null;
    }
  }
  return idbStore;
}

const isDraft = (d: unknown, submissionId: string): d is LocalDraft =>
  !!d && typeof d === 'object' && (d as LocalDraft).submissionId === submissionId && typeof (d as LocalDraft).data === 'object';

export const draftStore = {
  get(submissionId: string): LocalDraft | null {
    try {
      const raw = sessionStorage.getItem(key(submissionId));
      if (!raw) return null;
      const d = JSON.parse(raw) as unknown;
      return isDraft(d, submissionId) ? d : null;
    } catch {
      return null;
    }
  },
  /** The IndexedDB copy (another tab's, or this browser's before it was closed); null when there is none. */
  async getQueued(submissionId: string): Promise<LocalDraft | null> {
    const store = idb();
    if (!store) return null;
    try {
      const d = await get<unknown>(key(submissionId), store);
      return isDraft(d, submissionId) ? d : null;
    } catch {
      return null;
    }
  },
  set(draft: LocalDraft): void {
    try {
      sessionStorage.setItem(key(draft.submissionId), JSON.stringify(draft));
    } catch {
      // storage full or disabled: the IndexedDB and in-memory copies still hold the input
    }
    const store = idb();
    if (store) set(key(draft.submissionId), draft, store).catch(() => undefined);
  },
  clear(submissionId: string): void {
    try {
      sessionStorage.removeItem(key(submissionId));
    } catch {
      // ignore
    }
    const store = idb();
    if (store) del(key(submissionId), store).catch(() => undefined);
  },
};
