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
import { applyComputed, type FieldError, type JsonSchema, type RuleFinding, type TemplateValidator } from '../../../shared/schema-form/schema-lib';
import { draftStore } from '../../../shared/utils/draft-store';

export type SaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'offline' | 'invalid' | 'conflict' | 'error';

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

  // What to start from: the server's data, or unsaved local input left by an expired session / reload.
  const [initial] = useState(() => {
    const local = editable ? draftStore.get(id) : null;
    if (!editable) draftStore.clear(id);
    return local
      ? { data: local.data, baseVersion: local.baseVersion, restored: true }
      : { data: submission.data ?? {}, baseVersion: submission.version, restored: false };
  });
  const [store, setStore] = useState(() => new FormStore(initial.data, compute));
  const [formKey, setFormKey] = useState(0);
  const baseVersion = useRef(initial.baseVersion);
  const [status, setStatus] = useState<SaveStatus>(initial.restored ? 'dirty' : 'idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [restored] = useState(initial.restored);
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
    setStatus('saving');
    const run = (async () => {
      try {
        const res = await api.saveData(id, store.getData(), baseVersion.current);
        baseVersion.current = res.version;
        savedRevision.current = revision;
        retryCount.current = 0;
        setSavedAt(res.updatedAt ?? new Date().toISOString());
        setSaveError(null);
        qc.setQueryData<Submission>(qk.submission(id), (old) =>
          old ? { ...old, version: res.version, data: res.data, updatedAt: res.updatedAt, contentHash: res.contentHash ?? old.contentHash, findings: res.findings ?? old.findings } : old,
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
            setConflict({ mine: store.getData(), server });
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
          setStatus('offline');
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
  }, [editable, id, qc, store, writeLocal, scheduleSave, autosaveDelayMs, validate, errors.length]);
  useEffect(() => {
    saveRef.current = save;
  });

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
      setStatus((s) => (s === 'conflict' ? s : 'dirty'));
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
        const next = new FormStore(server.data ?? {}, compute);
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
      save,
      validate,
      onFieldBlur,
      resolveConflict,
      prepareForEvent,
    }),
    [store, formKey, status, savedAt, saveError, errors, conflict, restored, save, validate, onFieldBlur, resolveConflict, prepareForEvent],
  );
}
