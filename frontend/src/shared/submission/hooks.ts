/** Server state of one submission, shared by the fill, review and compile pages. */
import { useMemo } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isQueued, queuedJobKey, rememberQueuedJob } from './queued-job';
import { ApiError } from '../api/client';
import { api, qk } from '../api/endpoints';
import type { FieldComment, Submission } from '../api/types';
import { prepareForm } from '../schema-form/prepare-form';
import { fieldTitle, rollUpSchema, schemaAt, type JsonSchema } from '../schema-form/schema-lib';
import { rendersWithValidation, useValidationReady } from '../schema-form/validation-on-demand';

export function useSubmission(id: string | undefined) {
  return useQuery({ queryKey: qk.submission(id ?? ''), queryFn: () => api.submission(id!), enabled: !!id });
}

/** A compile submission (Phòng, Sở) holds roll-up data: it is shown and validated with the derived roll-up schema. */
export function isCompiled(s: Submission | undefined): boolean {
  return !!s && s.compiled !== undefined && s.compiled !== null;
}

/**
 * The pinned template version, prepared once (schema/uiSchema memoised). Its check loads on demand
 * (useTemplateValidator with `validatorKey`), except for a template whose reading needs it: oneOf/anyOf/if branches
 * are chosen by AJV and patternProperties keys matched by the RE2 engine, so that one waits for it.
 * `rollUp`: use the roll-up schema derived from it (countTrue → integer count, concat → text, ratio → number|null).
 */
export function usePreparedTemplate(code: string | undefined, version: number | undefined, rollUp = false) {
  const q = useQuery({
    queryKey: qk.template(code ?? '', version ?? 0),
    queryFn: () => api.templateVersion(code!, version!),
    enabled: !!code && version !== undefined,
    // Published versions never change.
    staleTime: Infinity,
    gcTime: 60 * 60_000,
  });
  const template = useMemo(() => {
    const t = q.data;
    if (!t || !rollUp) return t;
    return { ...t, schema: rollUpSchema(t.schema as JsonSchema) as Record<string, unknown> };
  }, [q.data, rollUp]);
  const prepared = useMemo(
    () => (template ? prepareForm(template.schema, template.uiSchema, q.data?.schema) : undefined),
    [template, q.data],
  );
  const validatorKey = template ? `${template.code}@${template.version}${rollUp ? ':rollup' : ''}` : '';
  const validation = useValidationReady(!!template && rendersWithValidation(template.schema));
  const titleOf = useMemo(() => {
    if (!template) return (p: string) => p;
    const cache = new Map<string, string>();
    return (p: string) => {
      let t = cache.get(p);
      if (t === undefined) {
        try {
          t = fieldTitle(template.schema as JsonSchema, p);
        } catch {
          t = p;
        }
        cache.set(p, t);
      }
      return t;
    };
  }, [template]);
  const unitOf = useMemo(() => {
    const schema = template?.schema as JsonSchema | undefined;
    return (p: string): string | undefined => {
      if (!schema) return undefined;
      try {
        const u = schemaAt(schema, p)?.['x-unit'];
        return typeof u === 'string' ? u : undefined;
      } catch {
        return undefined;
      }
    };
  }, [template]);
  if (!validation.ready || validation.error) {
    const refetch: typeof q.refetch = (opts) => {
      validation.retry();
      return q.refetch(opts);
    };
    return { ...q, isLoading: !validation.error, error: q.error ?? validation.error, refetch, template: undefined, prepared: undefined, validatorKey, titleOf, unitOf };
  }
  return { ...q, template, prepared, validatorKey, titleOf, unitOf };
}

export interface SendEventBody {
  type: string;
  comment?: string;
  fieldComments?: Pick<FieldComment, 'path' | 'text'>[];
  contentHash?: string;
  overwrite?: string[];
}

/**
 * Every event carries the contentHash of the submission as this page shows it (the query cache), so the
 * server refuses (409) to act on content the user has not seen; the page then reloads what is current.
 */
export function useSendEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SendEventBody) => {
      const shown = qc.getQueryData<Submission>(qk.submission(id));
      return api.sendEvent(id, { contentHash: shown?.contentHash, ...body });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) void qc.invalidateQueries({ queryKey: qk.submission(id) });
    },
    onSuccess: (answer: Submission) => {
      const next: unknown = answer;
      // a large compile runs as a background job: its progress bar (QueuedJobProgress) follows it
      if (isQueued(next)) {
        rememberQueuedJob(id, next.jobId);
        qc.setQueryData(queuedJobKey(id), next.jobId);
        return;
      }
      qc.setQueryData(qk.submission(id), answer);
      void qc.invalidateQueries({ queryKey: qk.history(id) });
      void qc.invalidateQueries({ queryKey: qk.children(id) });
      void qc.invalidateQueries({ queryKey: qk.myWork });
    },
  });
}

/** The history; an undefined id asks nothing (a component that needs it only sometimes). */
export function useHistory(id: string | undefined) {
  return useQuery({ queryKey: qk.history(id ?? ''), queryFn: () => api.history(id!), enabled: !!id });
}
