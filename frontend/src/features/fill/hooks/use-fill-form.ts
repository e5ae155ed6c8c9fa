/**
 * The fill page's client state: the live data (FormStore), autosave with optimistic locking, the 409 conflict,
 * validation on blur/save/submit with @bdg/schemas (the server's own messages), and the sessionStorage copy that
 * survives an expired session or a lost connection.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../../../shared/api/client';
import { api, qk } from '../../../shared/api/endpoints';
import type { JsonObject, Submission } from '../../../shared/api/types';
import { FormStore } from '../../../shared/schema-form/form-store';
import {
  applyComputed,
  mergeRawInputs,
  splitRawInputs,
  type FieldError,
  type JsonSchema,
  type RuleFinding,
  type TemplateValidator,
} from '../../../shared/schema-form/schema-lib';
import { diffData } from '../../../shared/utils/data-diff';
import { draftStore } from '../../../shared/utils/draft-store';

export type SaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'offline' | 'invalid' | 'conflict' | 'locked' | 'error';

const isOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;

export interface ConflictState {
  mine: JsonObject;
  server: Submission;
}

export const AUTOSAVE_DELAY_MS = 1500;
const DRAFT_WRITE_DELAY_MS = 300;
const RETRY_DELAYS_MS = [2000, 5000, 10000, 30000];
const RULE_CHECK_DELAY_MS = 250;

/** A failing rule as a field error; a warning says so, since it does not block sending. */
function ruleAsFieldError(r: RuleFinding): FieldError {
  return { path: r.path, title: r.title, message: r.severity === 'warning' ? `Cảnh báo: ${r.message}` : r.message, keyword: `x-rules:${r.severity}` };
}

export interface UseFillFormOptions {
  submission: Submission;
  schema: JsonSchema;
  validator: TemplateValidator;
  editable: boolean;
  autosaveDelayMs?: number;
}

export function useFillForm({ submission, schema, validator, editable, autosaveDelayMs = AUTOSAVE_DELAY_MS }: UseFillFormOptions) {
  const qc = useQueryClient();
  const id = submission.id;
  const compute = useCallback((d: JsonObject) => applyComputed(schema, d) as JsonObject, [schema]);

  // What to start from: the server's data (with the typos it kept, shown as typed), or unsaved local input left by
  // an expired session / reload.
  const [initial] = useState(() => {
    const local = editable ? draftStore.get(id) : null;
    if (!editable) draftStore.clear(id);
    return local
      ? { data: local.data, baseVersion: local.baseVersion, restored: true }
      : { data: mergeRawInputs(submission.data ?? {}, submission.rawInputs), baseVersion: submission.version, restored: false };
  });
  const [store, setStore] = useState(() => new FormStore(initial.data, compute));
  const [formKey, setFormKey] = useState(0);
  const baseVersion = useRef(initial.baseVersion);
  const [status, setStatus] = useState<SaveStatus>(initial.restored ? 'dirty' : 'idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [restored, setRestored] = useState(initial.restored);
  const [online, setOnline] = useState(isOnline);
  const mode = useRef<'draft' | 'complete'>('draft');
  const inflight = useRef<Promise<boolean> | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const draftTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const retryCount = useRef(0);
  const savedRevision = useRef(initial.restored ? -1 : 0);
  const paused = useRef(false);

  const writeLocal = useCallback(() => {
    clearTimeout(draftTimer.current);
    if (store.getRevision() === savedRevision.current) return;
    draftStore.set({ submissionId: id, baseVersion: baseVersion.current, data: store.getData(), savedAt: Date.now() });
  }, [id, store]);

  const validate = useCallback(
    (which: 'draft' | 'complete' = mode.current) => {
      const data = store.getComputed();
      const found = which === 'complete' ? validator.validateComplete(data) : validator.validateDraft(data);
      // Cross-field rules (x-rules), by the same code as the server: shown beside their fields in both modes.
      const rules = validator.checkRules(data).filter((r) => !found.some((f) => f.path === r.path && f.message === r.message));
      setErrors([...found, ...rules.map(ruleAsFieldError)]);
      return found;
    },
    [store, validator],
  );

  const saveRef = useRef<() => Promise<boolean>>(async () => true);
  const scheduleSave = useCallback((delay: number) => {
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void saveRef.current(), delay);
  }, []);

  /**
   * After a 409: a conflict only when the server's copy really differs. A report sent on meanwhile (e.g. "Chờ ký")
   * is not a conflict: the page turns read-only; the same content under a newer version is simply adopted.
   */
  const onStale = useCallback(
    async (server: Submission, revision: number) => {
      if (server.locked || server.final || server.editable === false) {
        setStatus('locked');
        setSaveError('Báo cáo đã được chuyển bước và khóa; các thay đổi chưa lưu không thể ghi vào.');
        return;
      }
      const mine = splitRawInputs(schema, store.getData());
      const same =
        diffData(server.data ?? {}, compute(mine.data)).length === 0 &&
        JSON.stringify(server.rawInputs ?? {}) === JSON.stringify(mine.rawInputs);
      if (!same) {
        setConflict({ mine: store.getData(), server });
        return;
      }
      baseVersion.current = server.version;
      paused.current = false;
      savedRevision.current = revision;
      setSavedAt(server.updatedAt);
      if (store.getRevision() === revision) {
        draftStore.clear(id);
        setStatus('saved');
      } else setStatus('dirty');
    },
    [schema, store, compute, id],
  );

  /** PUT the data; true when the server holds the latest input. */
  const save = useCallback(async (): Promise<boolean> => {
    clearTimeout(saveTimer.current);
    if (!editable || paused.current) return !paused.current;
    if (inflight.current) {
      await inflight.current;
      if (store.getRevision() === savedRevision.current) return true;
    }
    const revision = store.getRevision();
    if (revision === savedRevision.current) return true;
    writeLocal();
    // Offline: the input waits in the browser (IndexedDB); the 'online' event sends it.
    if (!isOnline()) {
      setStatus('offline');
      return false;
    }
    setStatus('saving');
    const run = (async () => {
      try {
        // Text typed into a number field goes beside the data, as typed; the rest of the form is saved.
        const split = splitRawInputs(schema, store.getData());
        const res = await api.saveData(id, split.data, baseVersion.current, split.rawInputs);
        baseVersion.current = res.version;
        savedRevision.current = revision;
        retryCount.current = 0;
        setSavedAt(res.updatedAt ?? new Date().toISOString());
        setSaveError(null);
        qc.setQueryData<Submission>(qk.submission(id), (old) =>
          old
            ? {
                ...old,
                version: res.version,
                data: res.data,
                rawInputs: res.rawInputs ?? split.rawInputs,
                updatedAt: res.updatedAt,
                contentHash: res.contentHash ?? old.contentHash,
                findings: res.findings ?? old.findings,
              }
            : old,
        );
        if (store.getRevision() === revision) {
          draftStore.clear(id);
          setStatus('saved');
        } else {
          setStatus('dirty');
          scheduleSave(autosaveDelayMs);
        }
        if (mode.current === 'complete' || errors.length) validate();
        return true;
      } catch (err) {
        const e = err instanceof ApiError ? err : new ApiError(-1, errorMessage(err));
        if (e.status === 409) {
          paused.current = true;
          setStatus('conflict');
          try {
            const server = await qc.fetchQuery({ queryKey: qk.submission(id), queryFn: () => api.submission(id), staleTime: 0 });
            await onStale(server, revision);
          } catch (inner) {
            setSaveError(errorMessage(inner));
          }
        } else if (e.status === 422) {
          setStatus('invalid');
          setSaveError(e.message);
          if (e.fieldProblems.length) setErrors(e.fieldProblems.map((p) => ({ ...p, keyword: 'server' })));
        } else if (e.status === 401) {
          setStatus('dirty');
          setSaveError(e.message);
        } else if (e.status === 0 || e.status >= 500) {
          setStatus(isOnline() && e.status >= 500 ? 'error' : 'offline');
          setSaveError(e.message);
          const delay = RETRY_DELAYS_MS[Math.min(retryCount.current, RETRY_DELAYS_MS.length - 1)];
          retryCount.current += 1;
          scheduleSave(delay);
        } else {
          setStatus('error');
          setSaveError(e.message);
        }
        return false;
      } finally {
        inflight.current = null;
      }
    })();
    inflight.current = run;
    return run;
  }, [editable, id, qc, store, schema, writeLocal, scheduleSave, autosaveDelayMs, validate, errors.length, onStale]);
  useEffect(() => {
    saveRef.current = save;
  });

  // The connection drops: typing goes on, input waits in IndexedDB; when it returns, it is sent at once.
  useEffect(() => {
    if (!editable) return;
    const goOffline = () => {
      setOnline(false);
      writeLocal();
      setStatus((s) => (s === 'conflict' || s === 'locked' ? s : 'offline'));
    };
    const goOnline = () => {
      setOnline(true);
      retryCount.current = 0;
      if (!paused.current) scheduleSave(0);
    };
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    return () => {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
    };
  }, [editable, writeLocal, scheduleSave]);

  // This tab has no copy, but the browser's queue (IndexedDB) has one from an earlier tab: restore and send it;
  // made on an older version, it meets the normal version check (409) and the conflict dialog if it differs.
  useEffect(() => {
    if (!editable || initial.restored) return;
    let cancelled = false;
    void draftStore.getQueued(id).then((queued) => {
      if (cancelled || !queued || store.getRevision() !== 0) return;
      const next = new FormStore(queued.data, compute);
      baseVersion.current = queued.baseVersion;
      savedRevision.current = -1;
      setStore(next);
      setFormKey((k) => k + 1);
      setRestored(true);
      setStatus('dirty');
    });
    return () => {
      cancelled = true;
    };
  }, [editable, id, initial.restored, store, compute]);

  // A draft opened with kept typos: they are flagged at once, not only after the next blur.
  useEffect(() => {
    if (Object.keys(submission.rawInputs ?? {}).length) validate('draft');
    // once, on opening
  }, []);

  // A rule between fields is checked as the clerk types (after a short pause), not only on blur.
  const hasRules = useMemo(() => JSON.stringify(schema).includes('"x-rules"'), [schema]);
  const ruleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (!editable || !hasRules) return;
    const unsubscribe = store.subscribe(() => {
      clearTimeout(ruleTimer.current);
      ruleTimer.current = setTimeout(() => validate(), RULE_CHECK_DELAY_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(ruleTimer.current);
    };
  }, [editable, hasRules, store, validate]);

  // Every change: keep a local copy soon, save after a pause.
  useEffect(() => {
    if (!editable) return;
    const unsubscribe = store.subscribe(() => {
      setStatus((s) => (s === 'conflict' || s === 'locked' ? s : isOnline() ? 'dirty' : 'offline'));
      clearTimeout(draftTimer.current);
      draftTimer.current = setTimeout(writeLocal, DRAFT_WRITE_DELAY_MS);
      if (!paused.current) scheduleSave(autosaveDelayMs);
    });
    return () => {
      unsubscribe();
      clearTimeout(draftTimer.current);
    };
  }, [editable, store, writeLocal, scheduleSave, autosaveDelayMs]);

  // Restored local input is saved at once (or meets its conflict); timers stop on unmount, the local copy stays.
  useEffect(() => {
    if (restored && editable) scheduleSave(0);
    return () => {
      clearTimeout(saveTimer.current);
    };
  }, [restored, editable, scheduleSave]);

  // Leaving the page with unsaved input: the browser asks first.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      writeLocal();
      if (store.getRevision() !== savedRevision.current && editable) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [store, writeLocal, editable]);

  const blurTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onFieldBlur = useCallback(() => {
    clearTimeout(blurTimer.current);
    blurTimer.current = setTimeout(() => validate(), 150);
  }, [validate]);

  const resolveConflict = useCallback(
    async (choice: 'mine' | 'server') => {
      if (!conflict) return;
      const server = conflict.server;
      setConflict(null);
      paused.current = false;
      baseVersion.current = server.version;
      if (choice === 'server') {
        const next = new FormStore(mergeRawInputs(server.data ?? {}, server.rawInputs), compute);
        savedRevision.current = next.getRevision();
        draftStore.clear(id);
        setStore(next);
        setFormKey((k) => k + 1);
        setStatus('saved');
        setSavedAt(server.updatedAt);
        setErrors([]);
      } else {
        savedRevision.current = -1;
        setStatus('dirty');
        await saveRef.current();
      }
    },
    [conflict, compute, id],
  );

  /** Before an event: save what is pending; before sending it on (a 'submit' event) also demand the complete form. */
  const prepareForEvent = useCallback(
    async (kind: string | undefined): Promise<boolean> => {
      if (editable) {
        const ok = await save();
        if (!ok) return false;
      }
      if (kind === 'submit' && editable) {
        mode.current = 'complete';
        return validate('complete').length === 0;
      }
      return true;
    },
    [editable, save, validate],
  );

  return useMemo(
    () => ({
      store,
      formKey,
      status,
      savedAt,
      saveError,
      errors,
      setErrors,
      conflict,
      restored,
      online,
      save,
      validate,
      onFieldBlur,
      resolveConflict,
      prepareForEvent,
    }),
    [store, formKey, status, savedAt, saveError, errors, conflict, restored, online, save, validate, onFieldBlur, resolveConflict, prepareForEvent],
  );
}
