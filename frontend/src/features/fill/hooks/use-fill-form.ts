/**
 * The fill page's client state: the live data (FormStore), autosave with optimistic locking, the 409 conflict,
 * validation on blur/save/submit with @bdg/schemas (the server's own messages), and the sessionStorage copy that
 * survives an expired session or a lost connection. Composed of fill-session (state), use-autosave (save and its
 * outcomes) and use-fill-effects (connection, queue, typing, leaving). The check loads on demand (the clerk's first
 * focus or keystroke, an event), or at once when the page needs it on opening (see useValidatorWhenNeeded).
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Submission } from '../../../shared/api/types';
import { FormStore } from '../../../shared/schema-form/form-store';
import { mergeRawInputs, type JsonSchema } from '../../../shared/schema-form/schema-lib';
import type { OnDemandValidator } from '../../../shared/schema-form/validation-on-demand';
import { draftStore } from '../../../shared/utils/draft-store';
import { useLocalCopyAndValidation, useSave } from './use-autosave';
import { useFillEffects, useValidatorWhenNeeded } from './use-fill-effects';
import { useFillSession, type FillSession } from './fill-session';

export type { ConflictState, SaveStatus } from './fill-session';

export const AUTOSAVE_DELAY_MS = 1500;

export interface UseFillFormOptions {
  submission: Submission;
  schema: JsonSchema;
  validation: OnDemandValidator;
  editable: boolean;
  autosaveDelayMs?: number;
}

/** Keep mine (saved over the newer version) or take the server's copy. */
function useResolveConflict(s: FillSession) {
  const { conflict, compute, id, setConflict, paused, baseVersion, savedRevision, setStore, setFormKey, setStatus, setSavedAt, setErrors, saveRef } = s;
  return useCallback(
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
    [conflict, compute, id, setConflict, paused, baseVersion, savedRevision, setStore, setFormKey, setStatus, setSavedAt, setErrors, saveRef],
  );
}

export function useFillForm({ submission, schema, validation, editable, autosaveDelayMs = AUTOSAVE_DELAY_MS }: UseFillFormOptions) {
  const s = useFillSession(submission, schema, editable);
  const { writeLocal, validate, check } = useLocalCopyAndValidation(s, validation);
  const { save, scheduleSave } = useSave(s, { schema, autosaveDelayMs, writeLocal, validate });
  const hasRawInputs = Object.keys(submission.rawInputs ?? {}).length > 0;
  useFillEffects(s, { schema, autosaveDelayMs, hasRawInputs, writeLocal, validate, scheduleSave });
  const warmUp = useValidatorWhenNeeded(s, validation, { storedChecked: submission.missingRequired !== null });

  const blurTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onFieldBlur = useCallback(() => {
    clearTimeout(blurTimer.current);
    blurTimer.current = setTimeout(() => validate(), 150);
  }, [validate]);
  // a blur's check must not run after the page has gone (it would set state on an unmounted page)
  useEffect(() => () => clearTimeout(blurTimer.current), []);
  const resolveConflict = useResolveConflict(s);

  /** Before an event: save what is pending; before sending it on (a 'submit' event) also demand the complete form. */
  const { mode } = s;
  const prepareForEvent = useCallback(
    async (kind: string | undefined): Promise<boolean> => {
      if (editable) {
        const ok = await save();
        if (!ok) return false;
      }
      if (kind === 'submit' && editable) {
        mode.current = 'complete';
        // never sent unchecked: the check is awaited when it has not loaded yet (its failure is the error shown)
        return check(validation.validator ?? (await validation.request()), 'complete').length === 0;
      }
      return true;
    },
    [editable, save, check, validation, mode],
  );

  const { store, formKey, status, savedAt, saveError, errors, setErrors, conflict, restored, online } = s;
  const { validator } = validation;
  return useMemo(
    () => ({ store, formKey, status, savedAt, saveError, errors, setErrors, conflict, restored, online, validator, save, validate, warmUp, onFieldBlur, resolveConflict, prepareForEvent }),
    [store, formKey, status, savedAt, saveError, errors, setErrors, conflict, restored, online, validator, save, validate, warmUp, onFieldBlur, resolveConflict, prepareForEvent],
  );
}
