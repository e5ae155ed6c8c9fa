/**
 * The form check (@bdg/schemas' AJV validator, the same code as the server's) loads when a page first needs it: a
 * clerk's first keystroke or focus, an event to send, kept typos to flag. The form itself renders without it, except
 * a template whose rendering asks a validator (RJSF picks oneOf/anyOf/if branches with one; the schema walker matches
 * patternProperties keys with the RE2 engine): there the page waits for the check first.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ValidatorType } from '@rjsf/utils';
import type { JsonSchema, TemplateValidator } from './schema-lib';

type Engines = typeof import('./validation-engines');

let engines: Engines | undefined;
let loading: Promise<Engines> | undefined;

/** Loads the check once; a failed download (a lost connection) is tried again on the next call. */
export function loadValidation(): Promise<Engines> {
  loading ??= import('./validation-engines').then(
    (m) => (engines = m),
    () => {
      loading = undefined;
      throw new Error('Chưa tải được phần kiểm tra biểu mẫu; kiểm tra kết nối mạng rồi thử lại.');
    },
  );
  return loading;
}

/** The loaded check, or undefined while it is not. */
export const loadedValidation = (): Engines | undefined => engines;

/** Keywords whose rendering asks a validator or the pattern engine (a text search: a false positive only waits). */
const RENDERS_WITH_VALIDATION = /"(?:oneOf|anyOf|if|dependencies|dependentSchemas|patternProperties)"\s*:/;
const needCache = new WeakMap<object, boolean>();

export function rendersWithValidation(schema: object): boolean {
  let hit = needCache.get(schema);
  if (hit === undefined) {
    hit = RENDERS_WITH_VALIDATION.test(JSON.stringify(schema));
    needCache.set(schema, hit);
  }
  return hit;
}

function loaded(): Engines {
  // rendersWithValidation() keeps a form that would ask from rendering before the check is in
  if (!engines) throw new Error('RJSF asked its validator before validation-engines loaded');
  return engines;
}

/** RJSF's validator: the real one (validation-engines.ts), reached through this stable object once it has loaded. */
export const rjsfValidator: ValidatorType = {
  validateFormData: (...args) => loaded().rjsfValidator.validateFormData(...args),
  isValid: (...args) => loaded().rjsfValidator.isValid(...args),
  rawValidation: (...args) => loaded().rjsfValidator.rawValidation(...args),
  reset: () => engines?.rjsfValidator.reset?.(),
};

/** While `needed`, loads the check; `ready` once a page that needs it may render. */
export function useValidationReady(needed: boolean): { ready: boolean; error: Error | null; retry: () => void } {
  const [, setLoaded] = useState(loadedValidation);
  const [error, setError] = useState<Error | null>(null);
  const load = useCallback(() => {
    setError(null);
    loadValidation().then(setLoaded, (e: Error) => setError(e));
  }, []);
  useEffect(() => {
    if (needed && !engines) load();
  }, [needed, load]);
  return { ready: !needed || !!engines, error: needed ? error : null, retry: load };
}

export interface OnDemandValidator {
  /** The template's compiled check, once loaded. */
  validator: TemplateValidator | undefined;
  /** Loads it (once) and answers it. */
  request: () => Promise<TemplateValidator>;
}

/** A template version's check, compiled once it is loaded; `request` loads it. */
export function useTemplateValidator(schema: JsonSchema, cacheKey: string): OnDemandValidator {
  const [loadedEngines, setLoadedEngines] = useState(loadedValidation);
  const request = useCallback(async () => {
    const e = await loadValidation();
    setLoadedEngines(e);
    return e.getValidator(schema, cacheKey);
  }, [schema, cacheKey]);
  const validator = useMemo(() => loadedEngines?.getValidator(schema, cacheKey), [loadedEngines, schema, cacheKey]);
  return useMemo(() => ({ validator, request }), [validator, request]);
}
