import { useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { RJSFSchema } from '@rjsf/utils';
import { ApiError } from '../../../shared/api/client';
import { api, qk } from '../../../shared/api/endpoints';
import type { Submission } from '../../../shared/api/types';
import { changedPaths, diffData, type FieldChange } from '../../../shared/utils/data-diff';
import { getAtPointer } from '../../../shared/utils/json-pointer';
import { FieldReviewExtras } from '../components/FieldReviewExtras';

/** Optional endpoints: a 404 means "nothing to compare with", never an error page. */
async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** The reviewer's field comments being written: one open editor, the drafts by pointer. */
function useDraftComments() {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<string | null>(null);
  const save = useCallback((pointer: string, text: string) => {
    setDrafts((d) => {
      const next = { ...d };
      if (text.trim()) next[pointer] = text.trim();
      else delete next[pointer];
      return next;
    });
    setEditing(null);
  }, []);
  return { drafts, editing, setEditing, save };
}

/**
 * What the review page shows beside each field: the previous round, changes since the last return, earlier and new
 * field comments. Returns the renderer for the form and what the page lists on its own.
 */
export function useReviewExtras(submission: Submission, titleOf: (p: string) => string, unitOf: (p: string) => string | undefined) {
  const previous = useQuery({ queryKey: qk.previous(submission.id), queryFn: () => orNull(api.previous(submission.id)) });
  const returned = useQuery({ queryKey: qk.returned(submission.id), queryFn: () => orNull(api.returned(submission.id)) });
  const { drafts, editing, setEditing, save } = useDraftComments();
  const changes = useMemo<FieldChange[]>(
    () => (returned.data ? diffData(returned.data.data, submission.data, titleOf) : []),
    [returned.data, submission.data, titleOf],
  );
  const changed = useMemo(() => changedPaths(changes), [changes]);
  const prevData = previous.data?.data;
  const existing = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const c of submission.fieldComments ?? []) m.set(c.path, [...(m.get(c.path) ?? []), c.text]);
    return m;
  }, [submission.fieldComments]);

  const renderExtras = useCallback(
    (pointer: string, _schema: RJSFSchema) => (
      <FieldReviewExtras
        pointer={pointer}
        unit={unitOf(pointer)}
        current={getAtPointer(submission.data, pointer)}
        previous={prevData ? getAtPointer(prevData, pointer) : undefined}
        previousRound={previous.data?.roundName}
        changedFrom={changed.has(pointer) ? changes.find((c) => c.path === pointer)?.before : undefined}
        isChanged={changed.has(pointer)}
        earlier={existing.get(pointer)}
        draft={drafts[pointer]}
        editing={editing === pointer}
        onEdit={() => setEditing(pointer)}
        onSave={(text) => save(pointer, text)}
        onCancel={() => setEditing(null)}
        label={titleOf(pointer)}
      />
    ),
    [submission.data, prevData, previous.data?.roundName, changed, changes, existing, drafts, editing, setEditing, save, titleOf, unitOf],
  );
  return { renderExtras, returned, changes, drafts: Object.entries(drafts) };
}
