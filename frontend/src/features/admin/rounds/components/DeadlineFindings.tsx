/** The wizard's preview of its deadline findings: what opening would refuse (errors) and warn of. */
import { Alert, Space, Spin } from 'antd';
import type { DeadlineFinding } from '@bdg/regimes';
import { describeError } from '../../components/errors';

export interface DeadlineCheck {
  data?: { findings: DeadlineFinding[] };
  error: unknown;
  isFetching: boolean;
}

export function DeadlineFindings({ check }: { check: DeadlineCheck }) {
  if (check.error) return <Alert type="error" showIcon message={`Không kiểm tra được hạn nộp: ${describeError(check.error)}`} />;
  if (!check.data)
    return check.isFetching ? (
      <Space style={{ marginTop: 12 }}>
        <Spin size="small" /> Đang kiểm tra hạn nộp…
      </Space>
    ) : null;
  const { findings } = check.data;
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 12 }} data-testid="round-deadline-findings">
      {findings.length === 0 && (
        <Alert type="success" showIcon message="Hạn nộp hợp lệ: cấp trên sau cấp dưới, cách ngày chốt số liệu ít nhất 01 ngày làm việc, không rơi vào ngày nghỉ." />
      )}
      {findings.map((f) => (
        <Alert key={f.message} type={f.severity === 'error' ? 'error' : 'warning'} showIcon message={f.message} />
      ))}
    </Space>
  );
}

export const hasDeadlineErrors = (check: DeadlineCheck) => !!check.data?.findings.some((f) => f.severity === 'error');
