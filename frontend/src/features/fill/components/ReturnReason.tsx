import { Alert } from 'antd';
import type { Submission } from '../../../shared/api/types';
import { formatDateTime } from '../../../shared/format/format';
import { useHistory } from '../../../shared/submission/hooks';

/**
 * The reason the level above gave when it returned the report, on top of the form (not at the bottom of the
 * history). "Returned" is the state's meaning (its `returned` tag), never its name.
 */
export function ReturnReason({ submission }: { submission: Pick<Submission, 'id' | 'state' | 'stateTags'> }) {
  const returned = (submission.stateTags ?? []).includes('returned');
  const history = useHistory(returned ? submission.id : undefined);
  if (!returned || !history.data) return null;
  const last = [...history.data].reverse().find((h) => h.to === submission.state);
  if (!last?.comment) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="return-reason"
      title={`Lý do trả lại — ${last.actorName ?? 'cấp trên'}, ${formatDateTime(last.at)}`}
      description={<span style={{ whiteSpace: 'pre-wrap' }}>{last.comment}</span>}
    />
  );
}
