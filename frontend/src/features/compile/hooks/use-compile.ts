import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, qk } from '../../../shared/api/endpoints';
import type { CompilePreview, Submission } from '../../../shared/api/types';
import { useSendEvent } from '../../../shared/submission/hooks';

/**
 * COMPILE from the compile page: a first compile replaces nothing and runs at once; a recompile first shows
 * what would change (the server's preview) and runs with the hand-corrected fields the user chose to overwrite.
 */
export function useCompile(submission: Submission) {
  const qc = useQueryClient();
  const compile = useSendEvent(submission.id);
  const compileEvent = submission.allowedEvents.find((e) => e.kind === 'compile');
  const [preview, setPreview] = useState<CompilePreview | null>(null);
  const previewing = useMutation({ mutationFn: () => api.compilePreview(submission.id), onSuccess: setPreview });

  const run = async (overwrite?: string[]) => {
    await compile.mutateAsync({ type: compileEvent!.type, ...(overwrite?.length ? { overwrite } : {}) }).catch(() => undefined);
    setPreview(null);
    // What is shown afterwards comes from the server, never from what the page held before.
    await qc.invalidateQueries({ queryKey: qk.submission(submission.id) });
  };
  const start = () => {
    previewing.reset();
    if (!submission.compiled) return run();
    previewing.mutate();
  };
  return { compile, compileEvent, preview, previewError: previewing.error, start, run, closePreview: () => setPreview(null) };
}
