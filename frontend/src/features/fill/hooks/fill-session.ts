/** The fill page's state and the refs its autosave shares (one object, so the pieces of use-fill-form stay small). */
import { useCallback, useRef, useState, type Dispatch, type MutableRefObject, type SetStateAction } from 'react';
import type { JsonObject, Submission } from '../../../shared/api/types';
import { FormStore } from '../../../shared/schema-form/form-store';
import { applyComputed, mergeRawInputs, type FieldError, type JsonSchema, type RuleFinding } from '../../../shared/schema-form/schema-lib';
import { draftStore } from '../../../shared/utils/draft-store';

export type SaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'offline' | 'invalid' | 'conflict' | 'locked' | 'error';

export const isOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;

export interface ConflictState {
  mine: JsonObject;
  server: Submission;
}

/** A failing rule as a field error; a warning says so, since it does not block sending. */
export function ruleAsFieldError(r: RuleFinding): FieldError {
  return { path: r.path, title: r.title, message: r.severity === 'warning' ? `Cảnh báo: ${r.message}` : r.message, keyword: `x-rules:${r.severity}` };
}

type Timer = MutableRefObject<ReturnType<typeof setTimeout> | undefined>;

export interface FillSession {
  id: string;
  editable: boolean;
  compute: (d: JsonObject) => JsonObject;
  initialRestored: boolean;
  store: FormStore;
  setStore: Dispatch<SetStateAction<FormStore>>;
  formKey: number;
  setFormKey: Dispatch<SetStateAction<number>>;
  status: SaveStatus;
  setStatus: Dispatch<SetStateAction<SaveStatus>>;
  savedAt: string | null;
  setSavedAt: Dispatch<SetStateAction<string | null>>;
  saveError: string | null;
  setSaveError: Dispatch<SetStateAction<string | null>>;
  errors: FieldError[];
  setErrors: Dispatch<SetStateAction<FieldError[]>>;
  conflict: ConflictState | null;
  setConflict: Dispatch<SetStateAction<ConflictState | null>>;
  restored: boolean;
  setRestored: Dispatch<SetStateAction<boolean>>;
  online: boolean;
  setOnline: Dispatch<SetStateAction<boolean>>;
  baseVersion: MutableRefObject<number>;
  mode: MutableRefObject<'draft' | 'complete'>;
  inflight: MutableRefObject<Promise<boolean> | null>;
  saveTimer: Timer;
  draftTimer: Timer;
  retryCount: MutableRefObject<number>;
  savedRevision: MutableRefObject<number>;
  paused: MutableRefObject<boolean>;
  saveRef: MutableRefObject<() => Promise<boolean>>;
}

/**
 * What to start from: the server's data (with the typos it kept, shown as typed), or unsaved local input left by an
 * expired session / reload; and the state around it.
 */
export function useFillSession(submission: Submission, schema: JsonSchema, editable: boolean): FillSession {
  const id = submission.id;
  const compute = useCallback((d: JsonObject) => applyComputed(schema, d) as JsonObject, [schema]);
  const [initial] = useState(() => {
    const local = editable ? draftStore.get(id) : null;
    if (!editable) draftStore.clear(id);
    return local
      ? { data: local.data, baseVersion: local.baseVersion, restored: true }
      : { data: mergeRawInputs(submission.data ?? {}, submission.rawInputs), baseVersion: submission.version, restored: false };
  });
  const [store, setStore] = useState(() => new FormStore(initial.data, compute));
  const [formKey, setFormKey] = useState(0);
  const [status, setStatus] = useState<SaveStatus>(initial.restored ? 'dirty' : 'idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [restored, setRestored] = useState(initial.restored);
  const [online, setOnline] = useState(isOnline);
  return {
    id,
    editable,
    compute,
    initialRestored: initial.restored,
    store,
    setStore,
    formKey,
    setFormKey,
    status,
    setStatus,
    savedAt,
    setSavedAt,
    saveError,
    setSaveError,
    errors,
    setErrors,
    conflict,
    setConflict,
    restored,
    setRestored,
    online,
    setOnline,
    baseVersion: useRef(initial.baseVersion),
    mode: useRef<'draft' | 'complete'>('draft'),
    inflight: useRef<Promise<boolean> | null>(null),
    saveTimer: useRef(undefined),
    draftTimer: useRef(undefined),
    retryCount: useRef(0),
    savedRevision: useRef(initial.restored ? -1 : 0),
    paused: useRef(false),
    saveRef: useRef<() => Promise<boolean>>(async () => true),
  };
}
