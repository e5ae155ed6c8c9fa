/** Downloads an official document; a 202 answer becomes a job followed with its progress until the file is ready. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { documentsApi, type ExportFormat, type JobView } from '../api/documents';
import { fetchFile, saveBlob } from '../api/files';

export type ExportStatus =
  | { phase: 'idle' }
  | { phase: 'requesting'; format: ExportFormat }
  | { phase: 'waiting'; format: ExportFormat; jobId: string; progress: number; jobState: string; note?: string }
  | { phase: 'downloading'; format: ExportFormat; jobId?: string }
  | { phase: 'done'; format: ExportFormat; fileName: string }
  | { phase: 'error'; format: ExportFormat; message: string };

export interface ExportOptions {
  /** Time between two looks at the job (ms). */
  pollMs?: number;
  /** Give up after this long (ms). */
  maxWaitMs?: number;
  /** Ask the server to run it as a job whatever its size (?async=1). */
  forceAsync?: boolean;
}

/** Transient failures (lost connection, 5xx) tolerated in a row while following a job. */
const MAX_TRANSIENT = 3;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DOMException('Đã hủy', 'AbortError'));
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(new DOMException('Đã hủy', 'AbortError'));
      },
      { once: true },
    );
  });
}

const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';
const isTransient = (e: unknown) => e instanceof ApiError && (e.status === 0 || e.status >= 500);

/** Only a same-origin API path from the server's 202 answer is followed. */
function safeApiPath(p: string | undefined): string | undefined {
  return p && p.startsWith('/api/') ? p : undefined;
}

interface FollowContext {
  format: ExportFormat;
  fallbackName: string;
  signal: AbortSignal;
  /** False once the user cancelled or started another download. */
  alive: () => boolean;
  setStatus: (s: ExportStatus) => void;
  pollMs: number;
  maxWaitMs: number;
}

/** Follows a 202's job with its progress until the file is ready, then saves it; throws on failure or timeout. */
async function followJob({ jobId, filePath }: { jobId: string; filePath: string }, c: FollowContext): Promise<void> {
  const { format, fallbackName, signal, alive, setStatus, pollMs, maxWaitMs } = c;
  setStatus({ phase: 'waiting', format, jobId, progress: 0, jobState: 'created' });
  const startedAt = Date.now();
  let transient = 0;
  for (;;) {
    let job: JobView;
    try {
      job = await documentsApi.job(jobId);
      transient = 0;
    } catch (e) {
      if (!isTransient(e) || ++transient > MAX_TRANSIENT) throw e;
      await sleep(pollMs, signal);
      continue;
    }
    if (!alive()) return;
    if (job.state === 'completed') {
      setStatus({ phase: 'downloading', format, jobId });
      const f = await fetchFile(filePath, fallbackName, signal);
      if (!alive()) return;
      if (f.kind !== 'file') throw new ApiError(202, 'Tệp chưa sẵn sàng. Vui lòng thử lại sau ít phút.');
      saveBlob(f.blob, f.fileName);
      setStatus({ phase: 'done', format, fileName: f.fileName });
      return;
    }
    if (job.state === 'failed' || job.state === 'cancelled' || job.state === 'expired') {
      throw new ApiError(500, job.error?.trim() || 'Không tạo được tệp. Vui lòng thử lại.');
    }
    const progress = Math.max(0, Math.min(100, Math.round(Number(job.progress) || 0)));
    setStatus({ phase: 'waiting', format, jobId, progress, jobState: job.state, note: job.state === 'retry' && job.error ? job.error : undefined });
    if (Date.now() - startedAt > maxWaitMs) {
      throw new ApiError(0, 'Tạo tệp lâu hơn dự kiến. Vui lòng thử tải lại sau ít phút.');
    }
    await sleep(pollMs, signal);
  }
}

export function useExportDownload(submissionId: string, { pollMs = 1000, maxWaitMs = 15 * 60_000, forceAsync = false }: ExportOptions = {}) {
  const [status, setStatus] = useState<ExportStatus>({ phase: 'idle' });
  const run = useRef(0);
  const abort = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      run.current += 1;
      abort.current?.abort();
    },
    [],
  );

  const cancel = useCallback(() => {
    run.current += 1;
    abort.current?.abort();
    setStatus({ phase: 'idle' });
  }, []);

  const start = useCallback(
    async (format: ExportFormat) => {
      const mine = ++run.current;
      abort.current?.abort();
      const ctrl = new AbortController();
      abort.current = ctrl;
      const alive = () => run.current === mine;
      const fallbackName = `bao-cao.${format}`;
      setStatus({ phase: 'requesting', format });
      try {
        const first = await fetchFile(documentsApi.exportPath(submissionId, format, forceAsync), fallbackName, ctrl.signal);
        if (!alive()) return;
        if (first.kind === 'file') {
          saveBlob(first.blob, first.fileName);
          setStatus({ phase: 'done', format, fileName: first.fileName });
          return;
        }
        await followJob({ jobId: first.jobId, filePath: safeApiPath(first.fileUrl) ?? documentsApi.jobFilePath(first.jobId) }, {
          format,
          fallbackName,
          signal: ctrl.signal,
          alive,
          setStatus,
          pollMs,
          maxWaitMs,
        });
      } catch (e) {
        if (!alive() || isAbort(e)) return;
        setStatus({ phase: 'error', format, message: errorMessage(e) });
      }
    },
    [submissionId, pollMs, maxWaitMs, forceAsync],
  );

  const busy = status.phase === 'requesting' || status.phase === 'waiting' || status.phase === 'downloading';
  return { status, start, cancel, busy };
}
