import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import { useSession } from '../../features/auth/hooks/use-session';
import type { Submission } from '../api/types';
import { formatDateTime } from '../format/format';
import { diffData, type FieldChange } from '../utils/data-diff';
import { seenContent } from '../utils/seen-content';

const show = (v: unknown) => (v === undefined || v === null || v === '' ? '(trống)' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * For someone who reads before acting (the signer): what changed since they last looked at this submission in
 * this browser. What is shown now is then remembered as seen.
 */
export function ChangesSinceSeen({ submission, titleOf }: { submission: Pick<Submission, 'id' | 'data' | 'contentHash'>; titleOf: (p: string) => string }) {
  const { user } = useSession();
  const [changes, setChanges] = useState<{ at: string; list: FieldChange[]; evidence: boolean } | null>(null);
  const { id, data, contentHash } = submission;
  useEffect(() => {
    if (!user || !contentHash) return;
    const before = seenContent.get(user.id, id);
    if (before && before.contentHash !== contentHash) {
      const list = diffData(before.data, data, titleOf);
      // Same data but another hash: the evidence files changed.
      setChanges({ at: before.at, list, evidence: list.length === 0 });
    }
    seenContent.set(user.id, id, { contentHash, data, at: new Date().toISOString() });
  }, [user, id, data, contentHash, titleOf]);
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
              <li key={c.path}>
                {c.title}: {show(c.before)} → {show(c.after)}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
