/** The fill page's reactions: connection lost and back, the browser's queue, typing, leaving the page. */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { FormStore } from '../../../shared/schema-form/form-store';
import type { JsonSchema } from '../../../shared/schema-form/schema-lib';
import type { OnDemandValidator } from '../../../shared/schema-form/validation-on-demand';
import { draftStore } from '../../../shared/utils/draft-store';
import { isOnline, type FillSession } from './fill-session';

const DRAFT_WRITE_DELAY_MS = 300;
const RULE_CHECK_DELAY_MS = 250;

interface EffectDeps {
  schema: JsonSchema;
  autosaveDelayMs: number;
  hasRawInputs: boolean;
  writeLocal: () => void;
  validate: (which?: 'draft' | 'complete') => unknown;
  scheduleSave: (delay: number) => void;
}

/** The connection drops: typing goes on, input waits in IndexedDB; when it returns, it is sent at once. */
function useConnection(s: FillSession, { writeLocal, scheduleSave }: EffectDeps) {
  const { editable, setOnline, setStatus, retryCount, paused } = s;
  useEffect(() => {
    if (!editable) return;
    const goOffline = () => {
      setOnline(false);
      writeLocal();
      setStatus((st) => (st === 'conflict' || st === 'locked' ? st : 'offline'));
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
  }, [editable, writeLocal, scheduleSave, setOnline, setStatus, retryCount, paused]);
}

/**
 * This tab has no copy, but the browser's queue (IndexedDB) has one from an earlier tab: restore and send it; made on
 * an older version, it meets the normal version check (409) and the conflict dialog if it differs.
 */
function useQueuedCopy(s: FillSession) {
  const { editable, id, initialRestored, store, compute, baseVersion, savedRevision, setStore, setFormKey, setRestored, setStatus } = s;
  useEffect(() => {
    if (!editable || initialRestored) return;
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
  }, [editable, id, initialRestored, store, compute, baseVersion, savedRevision, setStore, setFormKey, setRestored, setStatus]);
}

/** Kept typos flagged on opening; rules between fields checked as the clerk types (after a short pause). */
function useLiveChecks(s: FillSession, { schema, hasRawInputs, validate }: EffectDeps) {
  const { editable, store } = s;
  useEffect(() => {
    if (hasRawInputs) validate('draft');
    // once, on opening
  }, []);
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
}

/** Every change: a local copy soon, a save after a pause; restored input saved at once; a warning before leaving. */
function useChanges(s: FillSession, { autosaveDelayMs, writeLocal, scheduleSave }: EffectDeps) {
  const { editable, store, restored, setStatus, draftTimer, saveTimer, paused, savedRevision } = s;
  useEffect(() => {
    if (!editable) return;
    const unsubscribe = store.subscribe(() => {
      setStatus((st) => (st === 'conflict' || st === 'locked' ? st : isOnline() ? 'dirty' : 'offline'));
      clearTimeout(draftTimer.current);
      draftTimer.current = setTimeout(writeLocal, DRAFT_WRITE_DELAY_MS);
      if (!paused.current) scheduleSave(autosaveDelayMs);
    });
    return () => {
      unsubscribe();
      clearTimeout(draftTimer.current);
    };
  }, [editable, store, writeLocal, scheduleSave, autosaveDelayMs, setStatus, draftTimer, paused]);
  // Restored local input is saved at once (or meets its conflict); timers stop on unmount, the local copy stays.
  useEffect(() => {
    if (restored && editable) scheduleSave(0);
    return () => {
      clearTimeout(saveTimer.current);
    };
  }, [restored, editable, scheduleSave, saveTimer]);
  // Leaving the page with unsaved input: the browser asks first.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      writeLocal();
      if (store.getRevision() !== savedRevision.current && editable) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [store, writeLocal, editable, savedRevision]);
}

export function useFillEffects(s: FillSession, deps: EffectDeps) {
  useConnection(s, deps);
  useQueuedCopy(s);
  useLiveChecks(s, deps);
  useChanges(s, deps);
}

/**
 * When the check loads: at once when the page needs it on opening (a restored copy, or a report the server did not
 * check for this user: the progress bar has nothing else to show; kept typos ask through `validate`), else with the
 * clerk's first change. The returned `warmUp` (the form's first focus) fetches it before the first keystroke.
 */
export function useValidatorWhenNeeded(s: FillSession, validation: OnDemandValidator, opening: { storedChecked: boolean }) {
  const { editable, store, restored } = s;
  const { validator, request } = validation;
  const warmUp = useCallback(() => {
    // a failed download is tried again on the next change
    if (!validator) request().catch(() => undefined);
  }, [validator, request]);
  const { storedChecked } = opening;
  useEffect(() => {
    if (validator || !editable) return;
    if (restored || !storedChecked) return warmUp();
    return store.subscribe(warmUp);
  }, [validator, editable, restored, storedChecked, store, warmUp]);
  return warmUp;
}
