import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportResult } from '../../api/types';
import { describeError } from '../../components/errors';
import { readFileBytes } from '../../components/download';
import { checkCsvBytes } from '../utils/csv-check';

/**
 * The two steps of a CSV import: the chosen file checked in the browser, then a dry run on the server
 * (`run(file, true)`), then — only when the admin confirms — the real import, all or nothing.
 */
export function useCsvImport(run: (file: File, dryRun: boolean) => Promise<ImportResult>) {
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const dry = useMutation({ mutationFn: (f: File) => run(f, true) });
  const real = useMutation({ mutationFn: (f: File) => run(f, false) });

  const reset = () => {
    setFile(null);
    setLocalError(null);
    dry.reset();
    real.reset();
  };
  const choose = async (f: File) => {
    reset();
    const local = checkCsvBytes(await readFileBytes(f), f.name);
    if (!local.ok) return setLocalError(local.message);
    setFile(f);
    dry.mutate(f);
  };
  const importNow = () => (file ? real.mutateAsync(file).then(() => undefined, () => undefined) : undefined);

  // A real import that found problems answers like a dry run: its rows are shown instead.
  const done = real.data?.ok ? real.data : null;
  const check = real.data && !real.data.ok ? real.data : (dry.data ?? null);
  const failure = dry.error ?? real.error;
  return {
    file,
    check,
    done,
    busy: dry.isPending ? ('check' as const) : real.isPending ? ('import' as const) : null,
    error: localError ?? (failure ? describeError(failure) : null),
    choose,
    importNow,
    reset,
  };
}
