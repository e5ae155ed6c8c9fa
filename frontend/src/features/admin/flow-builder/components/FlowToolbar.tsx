/** The flow editor's header: where we are, the flow's name and status, the save/publish buttons and their progress. */
import { PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Space, Steps, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { versionStatusLabel, type FlowVersion } from '../../api/types';
import type { SaveProgress } from '../hooks/use-flow-save';

interface Props {
  fv: FlowVersion;
  targetCode: string;
  title: string;
  dirty: boolean;
  errorCount: number;
  onAddState: () => void;
  onSave: (publish: boolean) => void;
}

export function FlowToolbar({ fv, targetCode, title, dirty, errorCount, onAddState, onSave }: Props) {
  return (
    <>
      <Breadcrumb
        items={[
          { title: <Link to="/admin/flows">Quy trình</Link> },
          { title: `${targetCode}${targetCode === fv.code ? ` — từ phiên bản ${fv.version}` : ` (sao chép từ ${fv.code} v${fv.version})`}` },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Tag color={fv.status === 'published' ? 'green' : 'gold'}>{versionStatusLabel(fv.status)}</Tag>
          {dirty && <Tag color="orange">Có thay đổi chưa lưu</Tag>}
          {errorCount > 0 && (
            <Tag color="red" data-testid="flow-error-count">
              {errorCount} lỗi
            </Tag>
          )}
        </Space>
        <Space wrap>
          <Button icon={<PlusOutlined />} onClick={onAddState} data-testid="add-state">
            Thêm trạng thái
          </Button>
          <Button icon={<SaveOutlined />} onClick={() => onSave(false)} disabled={!dirty} data-testid="save-flow">
            Lưu phiên bản nháp
          </Button>
          <Button type="primary" icon={<SendOutlined />} onClick={() => onSave(true)} data-testid="publish-flow">
            Xuất bản phiên bản mới
          </Button>
        </Space>
      </Space>
      {fv.status === 'published' && !dirty && (
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          showIcon
          message="Đây là phiên bản đã xuất bản. Mọi thay đổi sẽ được lưu thành một phiên bản mới; phiên bản này giữ nguyên."
        />
      )}
    </>
  );
}

export function SaveProgressCard({ progress, onClose }: { progress: NonNullable<SaveProgress>; onClose: () => void }) {
  return (
    <Card size="small" style={{ marginTop: 8 }} data-testid="flow-progress">
      <Steps
        size="small"
        current={progress.step < 0 ? 0 : progress.step}
        status={progress.step < 0 ? 'error' : 'process'}
        items={[{ title: 'Lưu phiên bản mới' }, { title: 'Xuất bản' }, { title: 'Xong' }]}
      />
      {progress.error && (
        <Alert
          style={{ marginTop: 8 }}
          type="error"
          showIcon
          message={`Không có gì được xuất bản: ${progress.error}`}
          action={
            <Button size="small" onClick={onClose}>
              Đóng
            </Button>
          }
        />
      )}
    </Card>
  );
}
