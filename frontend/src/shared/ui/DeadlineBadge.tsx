import { Tag } from 'antd';
import { daysLeftLabel, formatDate } from '../format/format';

/** Hạn nộp and days left; late is a red badge. */
export function DeadlineBadge({ deadline, daysLeft, late }: { deadline: string | null; daysLeft?: number | null; late?: boolean }) {
  const isLate = late ?? (typeof daysLeft === 'number' && daysLeft < 0);
  const label = daysLeft !== undefined ? daysLeftLabel(daysLeft) : isLate ? 'Trễ hạn' : '';
  return (
    <span className="bdg-deadline">
      <span>{formatDate(deadline)}</span>{' '}
      {label && (
        <Tag color={isLate ? '#a8071a' : daysLeft !== undefined && daysLeft !== null && daysLeft <= 3 ? '#0958d9' : '#595959'} data-late={isLate || undefined}>
          {label}
        </Tag>
      )}
    </span>
  );
}
