import { useEffect, useMemo } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { api, qk } from '../api/endpoints';
import type { Submission } from '../api/types';
import { formatDateTime, formatValue } from '../format/format';
import { diffData } from '../utils/data-diff';


/**
 * For someone who reads before acting (the signer, the reviewer): what changed since they last looked at this
 * submission, on whichever computer that was (the server keeps what each user last saw). What is shown now is then
 * recorded as seen. The query is keyed by the content hash and never refetched for it, so the comparison stays on
 * screen after the record moves on.
 */
export function ChangesSinceSeen({
  submission,
  titleOf,
  unitOf,
}: {
  submission: Pick<Submission, 'id' | 'data' | 'contentHash'>;
  titleOf: (p: string) => string;
  unitOf?: (p: string) => string | undefined;
}) {
  const { id, data, contentHash } = submission;
  const before = useQuery({
    queryKey: qk.seen(id, contentHash ?? ''),
    queryFn: () => api.lastSeen(id),
    enabled: !!contentHash,
    staleTime: Infinity,
    retry: false,
  });
  const mark = useMutation({ mutationFn: (hash: string) => api.markSeen(id, hash) });
  const { mutate } = mark;
  const loaded = before.isSuccess;
  useEffect(() => {
    // Recorded only once what was seen before has been read; a 409 means the page is already stale and will refresh.
    if (loaded && contentHash) mutate(contentHash);
  }, [loaded, contentHash, mutate]);

  const changes = useMemo(() => {
    const last = before.data?.lastSeen;
    if (!last || !contentHash || last.contentHash === contentHash) return null;
    const list = diffData(last.data, data, titleOf);
    // Same data but another hash: the evidence files changed.
    return { at: last.seenAt, list, evidence: list.length === 0 };
  }, [before.data, contentHash, data, titleOf]);
  if (!changes) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      data-testid="changes-since-seen"
      title={`Nội dung đã thay đổi kể từ lần bạn xem trước (${formatDateTime(changes.at)})`}
      description={
        changes.evidence ? (
          'Các tệp minh chứng đã thay đổi.'
        ) : (
          <ul className="bdg-error-list">
            {changes.list.slice(0, 50).map((c) => (
              <li key={c.path} className="bdg-wrap">
                {c.title}: {formatValue(c.before, unitOf?.(c.path))} → {formatValue(c.after, unitOf?.(c.path))}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
