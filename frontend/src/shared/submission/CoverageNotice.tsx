import { Alert } from 'antd';
import type { Coverage } from '../api/types';
import { coverageSentence, isComplete } from '../schema-form/schema-lib';

/** "Báo cáo này tổng hợp 2/10 đơn vị; chưa có: …" on every page where a compiled report is read or signed. */
export function CoverageNotice({ coverage }: { coverage: Coverage | null | undefined }) {
  if (!coverage) return null;
  const complete = isComplete(coverage);
  return (
    <Alert
      type={complete ? 'success' : 'warning'}
      showIcon
      role={complete ? undefined : 'alert'}
      style={{ marginBottom: 12 }}
      data-testid="coverage-notice"
      data-included={coverage.included}
      data-expected={coverage.expected}
      title={coverageSentence(coverage)}
    />
  );
}
