/** Server state of one submission, shared by the fill, review and compile pages. */
import { useMemo } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qk } from '../api/endpoints';
import type { FieldComment, Submission } from '../api/types';
import { prepareForm } from '../schema-form/prepare-form';
import { fieldTitle, getValidator, type JsonSchema } from '../schema-form/schema-lib';

export function useSubmission(id: string | undefined) {
  return useQuery({ queryKey: qk.submission(id ?? ''), queryFn: () => api.submission(id!), enabled: !!id });
}

/** The pinned template version, prepared once (schema/uiSchema memoised, validator compiled once). */
export function usePreparedTemplate(code: string | undefined, version: number | undefined) {
  const q = useQuery({
    queryKey: qk.template(code ?? '', version ?? 0),
    queryFn: () => api.templateVersion(code!, version!),
    enabled: !!code && version !== undefined,
    // Published versions never change.
    staleTime: Infinity,
    gcTime: 60 * 60_000,
  });
  const template = q.data;
  const prepared = useMemo(() => (template ? prepareForm(template.schema, template.uiSchema) : undefined), [template]);
  const validator = useMemo(
    () => (template ? getValidator(template.schema as JsonSchema, `${template.code}@${template.version}`) : undefined),
    [template],
  );
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
  return { ...q, template, prepared, validator, titleOf };
}

export interface SendEventBody {
  type: string;
  comment?: string;
  fieldComments?: Pick<FieldComment, 'path' | 'text'>[];
}

export function useSendEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SendEventBody) => api.sendEvent(id, body),
    onSuccess: (next: Submission) => {
      qc.setQueryData(qk.submission(id), next);
      void qc.invalidateQueries({ queryKey: qk.history(id) });
      void qc.invalidateQueries({ queryKey: qk.children(id) });
      void qc.invalidateQueries({ queryKey: qk.myWork });
    },
  });
}

export function useHistory(id: string) {
  return useQuery({ queryKey: qk.history(id), queryFn: () => api.history(id) });
}
