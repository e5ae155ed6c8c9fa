/** Findings of the template (builder checks + @bdg/schemas lintTemplate), each clickable to its field. */
import { Alert, Badge, List, Typography } from 'antd';
import type { Finding } from '../../domain/bdg';

export interface LintPanelProps {
  findings: (Finding & { nodeId: string | null; fieldTitle?: string })[];
  onJump: (nodeId: string) => void;
}

export function LintPanel({ findings, onJump }: LintPanelProps) {
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity !== 'error');
  if (!findings.length) {
    return (
      <Alert
        type="success"
        showIcon
        message="Không có lỗi nào: biểu mẫu có thể xuất bản."
        data-testid="lint-panel"
      />
    );
  }
  return (
    <div data-testid="lint-panel">
      <Typography.Paragraph>
        <Badge status="error" text={`${errors.length} lỗi (phải sửa trước khi xuất bản)`} />{' '}
        <Badge status="warning" text={`${warnings.length} cảnh báo`} />
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={[...errors, ...warnings]}
        renderItem={(f) => (
          <List.Item
            data-testid="lint-finding"
            style={{ cursor: f.nodeId ? 'pointer' : undefined }}
            onClick={() => f.nodeId && onJump(f.nodeId)}
          >
            <Typography.Text type={f.severity === 'error' ? 'danger' : 'warning'}>
              {f.severity === 'error' ? 'Lỗi' : 'Cảnh báo'}
            </Typography.Text>
            <span style={{ flex: 1, marginLeft: 8 }}>
              {f.fieldTitle && <Typography.Text strong>{f.fieldTitle}: </Typography.Text>}
              {f.message}
              {f.nodeId && <Typography.Link style={{ marginLeft: 8 }}>Tới trường</Typography.Link>}
            </span>
          </List.Item>
        )}
      />
    </div>
  );
}
