import { Descriptions, Typography } from 'antd';
import type { Submission } from '../api/types';
import { formatDateTime } from '../format/format';
import { useUnitKindLabel } from '../hooks/use-unit-kinds';
import { DeadlineBadge } from '../ui/DeadlineBadge';
import { StateTag } from '../ui/StateTag';

/** The unit the report goes up to, from the tree: "UBND xã Tân Lạc (Xã, phường)"; its kind's label is data. */
function useParentText(submission: Pick<Submission, 'parentUnitName' | 'parentUnitKind'>): string | null {
  const kindLabel = useUnitKindLabel();
  if (!submission.parentUnitName) return null;
  const kind = submission.parentUnitKind ? kindLabel(submission.parentUnitKind) : null;
  return kind && kind !== submission.parentUnitKind ? `${submission.parentUnitName} (${kind})` : submission.parentUnitName;
}

export function SubmissionHeader({ submission, title, heading }: { submission: Submission; title?: string; heading?: string }) {
  const parent = useParentText(submission);
  return (
    <header style={{ marginBottom: 16 }}>
      <Typography.Title level={2} style={{ marginBottom: 4 }}>
        {heading ? `${heading}: ` : ''}
        {title ?? submission.templateCode}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'unit', label: 'Đơn vị', children: submission.unitName },
          { key: 'round', label: 'Đợt báo cáo', children: submission.roundName },
          ...(parent ? [{ key: 'parent', label: 'Gửi lên', children: <span data-testid="parent-unit">{parent}</span> }] : []),
          { key: 'deadline', label: 'Hạn nộp', children: <DeadlineBadge deadline={submission.deadline} late={submission.late} /> },
          { key: 'state', label: 'Trạng thái', children: <StateTag state={submission.state} label={submission.stateLabel} tags={submission.stateTags} /> },
          ...(submission.signature
            ? [
                {
                  key: 'sig',
                  label: 'Đã ký',
                  children: `${submission.signature.signedByName}, ${formatDateTime(submission.signature.signedAt)}`,
                },
              ]
            : []),
        ]}
      />
    </header>
  );
}
