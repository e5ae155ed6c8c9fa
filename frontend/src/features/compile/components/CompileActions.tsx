/** The compile page's action card: COMPILE (with its preview first), when it last ran, its errors, the other events. */
import { Link } from 'react-router';
import { Alert, Button, Card, Space } from 'antd';
import { errorMessage } from '../../../shared/api/client';
import type { Submission } from '../../../shared/api/types';
import { formatDateTime, formatNumber } from '../../../shared/format/format';
import { EventButtons } from '../../../shared/submission/EventButtons';
import { QueuedJobProgress } from '../../../shared/submission/QueuedJobProgress';
import type { useCompile } from '../hooks/use-compile';

interface Props {
  submission: Submission;
  titleOf: (p: string) => string;
  compiling: ReturnType<typeof useCompile>;
}

export function CompileActions({ submission, titleOf, compiling }: Props) {
  const { compile, compileEvent, previewError, start } = compiling;
  return (
    <Card style={{ marginBottom: 16 }}>
      <Space wrap align="center">
        {compileEvent && (
          <Button type="primary" loading={compile.isPending} onClick={() => void start()} data-event={compileEvent.type}>
            {compileEvent.label || 'Tổng hợp'}
          </Button>
        )}
        {submission.compiled && (
          <span>
            Đã tổng hợp {formatNumber(submission.compiled.included)}/{formatNumber(submission.compiled.total)} đơn vị lúc{' '}
            {formatDateTime(submission.compiled.compiledAt)}
          </span>
        )}
        {!submission.locked && submission.compiled && <Link to={`/submissions/${submission.id}`}>Mở để chỉnh sửa và gửi</Link>}
      </Space>
      <QueuedJobProgress submissionId={submission.id} />
      {compile.error && <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} title={errorMessage(compile.error)} />}
      {previewError && <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} title={errorMessage(previewError)} />}
      {!!submission.compiled?.kept?.length && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="kept-fields"
          title={`Lần tổng hợp gần nhất giữ nguyên ${submission.compiled.kept.length} trường đơn vị đã tự sửa: ${submission.compiled.kept.map(titleOf).join('; ')}`}
        />
      )}
      <div style={{ marginTop: 12 }}>
        <EventButtons submissionId={submission.id} events={submission.allowedEvents} exclude={['compile']} submission={submission} />
      </div>
    </Card>
  );
}
