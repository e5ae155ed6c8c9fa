/** Autosave with optimistic locking: the local copy, validation, the PUT, and what a 409 / 422 / lost line mean. */
import { useCallback, useEffect, useRef } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../../../shared/api/client';
import { api, qk } from '../../../shared/api/endpoints';
import type { Submission } from '../../../shared/api/types';
import { splitRawInputs, type FieldError, type JsonSchema, type TemplateValidator } from '../../../shared/schema-form/schema-lib';
import type { OnDemandValidator } from '../../../shared/schema-form/validation-on-demand';
import { diffData } from '../../../shared/utils/data-diff';
import { draftStore } from '../../../shared/utils/draft-store';
import { isOnline, ruleAsFieldError, type FillSession } from './fill-session';

const RETRY_DELAYS_MS = [2000, 5000, 10000, 30000];

/**
 * The local copy (sessionStorage / IndexedDB) and the validation with @bdg/schemas, as the server checks. The check
 * loads on demand: `validate` before it is in asks for it and runs once it arrives (null meanwhile), `check` runs it.
 */
export function useLocalCopyAndValidation(s: FillSession, validation: OnDemandValidator) {
  const { id, store, baseVersion, draftTimer, savedRevision, mode, setErrors } = s;
  const writeLocal = useCallback(() => {
    clearTimeout(draftTimer.current);
    if (store.getRevision() === savedRevision.current) return;
    draftStore.set({ submissionId: id, baseVersion: baseVersion.current, data: store.getData(), savedAt: Date.now() });
  }, [id, store, baseVersion, draftTimer, savedRevision]);

  const check = useCallback(
    (validator: TemplateValidator, which: 'draft' | 'complete' = mode.current): FieldError[] => {
      const data = store.getComputed();
      const found = which === 'complete' ? validator.validateComplete(data) : validator.validateDraft(data);
      // Cross-field rules (x-rules), by the same code as the server: shown beside their fields in both modes.
      const rules = validator.checkRules(data).filter((r) => !found.some((f) => f.path === r.path && f.message === r.message));
      setErrors([...found, ...rules.map(ruleAsFieldError)]);
      return found;
    },
    [store, mode, setErrors],
  );
  const { validator, request } = validation;
  const pending = useRef(false);
  const validate = useCallback(
    (which?: 'draft' | 'complete'): FieldError[] | null => {
      if (validator) return check(validator, which);
      // the errors shown stay as they are (never "no errors") until the check has run on the current data
      pending.current = true;
      request().catch(() => undefined);
      return null;
    },
    [validator, request, check],
  );
  useEffect(() => {
    if (!validator || !pending.current) return;
    pending.current = false;
    check(validator);
  }, [validator, check]);
  return { writeLocal, validate, check };
}

/**
 * After a 409: a conflict only when the server's copy really differs. A report sent on meanwhile (e.g. "Chờ ký")
 * is not a conflict: the page turns read-only; the same content under a newer version is simply adopted.
 */
function useOnStale(s: FillSession, schema: JsonSchema) {
  const { store, compute, id, setStatus, setSaveError, setConflict, baseVersion, paused, savedRevision, setSavedAt } = s;
  return useCallback(
    async (server: Submission, revision: number) => {
      if (server.locked || server.final || server.editable === false) {
        setStatus('locked');
        setSaveError('Báo cáo đã được chuyển bước và khóa; các thay đổi chưa lưu không thể ghi vào.');
        return;
      }
      const mine = splitRawInputs(schema, store.getData());
      const same =
        diffData(server.data ?? {}, compute(mine.data)).length === 0 && JSON.stringify(server.rawInputs ?? {}) === JSON.stringify(mine.rawInputs);
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
    [schema, store, compute, id, setStatus, setSaveError, setConflict, baseVersion, paused, savedRevision, setSavedAt],
  );
}

/** What a failed PUT means: a conflict to look at, a refusal to show, or a lost line to retry. */
async function onSaveFailed(
  err: unknown,
  s: FillSession,
  ctx: { qc: QueryClient; revision: number; onStale: (server: Submission, revision: number) => Promise<void>; scheduleSave: (delay: number) => void },
) {
  const { id, setStatus, setSaveError, setErrors, paused, retryCount } = s;
  const e = err instanceof ApiError ? err : new ApiError(-1, errorMessage(err));
  if (e.status === 409) {
    paused.current = true;
    setStatus('conflict');
    try {
      const server = await ctx.qc.fetchQuery({ queryKey: qk.submission(id), queryFn: () => api.submission(id), staleTime: 0 });
      await ctx.onStale(server, ctx.revision);
    } catch (inner) {
      setSaveError(errorMessage(inner));
    }
    return;
  }
  setSaveError(e.message);
  if (e.status === 422) {
    setStatus('invalid');
    if (e.fieldProblems.length) setErrors(e.fieldProblems.map((p) => ({ ...p, keyword: 'server' })));
  } else if (e.status === 401) setStatus('dirty');
  else if (e.status === 0 || e.status >= 500) {
    setStatus(isOnline() && e.status >= 500 ? 'error' : 'offline');
    const delay = RETRY_DELAYS_MS[Math.min(retryCount.current, RETRY_DELAYS_MS.length - 1)]!;
    retryCount.current += 1;
    ctx.scheduleSave(delay);
  } else setStatus('error');
}

export interface AutosaveDeps {
  schema: JsonSchema;
  autosaveDelayMs: number;
  writeLocal: () => void;
  validate: (which?: 'draft' | 'complete') => unknown;
}

/** PUT the data; true when the server holds the latest input. Also returns scheduleSave (the autosave timer). */
export function useSave(s: FillSession, { schema, autosaveDelayMs, writeLocal, validate }: AutosaveDeps) {
  const qc = useQueryClient();
  const { id, editable, store, saveTimer, saveRef, paused, inflight, savedRevision, baseVersion, retryCount, mode, errors } = s;
  const { setStatus, setSavedAt, setSaveError } = s;
  const scheduleSave = useCallback(
    (delay: number) => {
      clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => void saveRef.current(), delay);
    },
    [saveTimer, saveRef],
  );
  const onStale = useOnStale(s, schema);
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
        await onSaveFailed(err, s, { qc, revision, onStale, scheduleSave });
        return false;
      } finally {
        inflight.current = null;
      }
    })();
    inflight.current = run;
    return run;
    // `s` carries stable setters and refs; only its identity changes per render.
  }, [editable, id, qc, store, schema, writeLocal, scheduleSave, autosaveDelayMs, validate, errors.length, onStale]);
  useEffect(() => {
    saveRef.current = save;
  });
  return { save, scheduleSave };
}
