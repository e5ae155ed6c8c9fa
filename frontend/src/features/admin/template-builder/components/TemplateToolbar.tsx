/** The template editor's header: where we are, name and status, export/import/clone/save/publish. */
import { CopyOutlined, DownloadOutlined, SaveOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Space, Tag, Typography, Upload } from 'antd';
import { Link } from 'react-router';
import { versionStatusLabel, type TemplateVersion } from '../../api/types';

interface Props {
  tv: TemplateVersion;
  title: string;
  dirty: boolean;
  readOnly: boolean;
  errorCount: number;
  rawError: boolean;
  busy: { save: boolean; publish: boolean; clone: boolean };
  onExport: () => void;
  onImport: (f: File) => void;
  onClone: () => void;
  onSave: () => void;
  onPublish: () => void;
}

export function TemplateToolbar(p: Props) {
  const { tv, readOnly } = p;
  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/admin/templates">Biểu mẫu</Link> }, { title: `${tv.code} — phiên bản ${tv.version}` }]} style={{ marginBottom: 8 }} />
      <Space align="center" wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space align="center" wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {p.title || tv.code}
          </Typography.Title>
          <Tag color={readOnly ? 'green' : 'gold'} data-testid="version-status">
            {versionStatusLabel(tv.status)}
          </Tag>
          {tv.basedOn && (
            <Tag>
              Nhân bản từ {tv.basedOn.code} v{tv.basedOn.version}
            </Tag>
          )}
          {p.dirty && !readOnly && <Tag color="orange">Chưa lưu</Tag>}
        </Space>
        <ToolbarButtons {...p} />
      </Space>
    </>
  );
}

function ToolbarButtons({ readOnly, errorCount, rawError, busy, onExport, onImport, onClone, onSave, onPublish }: Props) {
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} onClick={onExport} data-testid="export-template">
        Xuất tệp JSON
      </Button>
      {!readOnly && (
        <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => (onImport(f), false)}>
          <Button icon={<UploadOutlined />} data-testid="import-template">
            Nhập từ tệp JSON
          </Button>
        </Upload>
      )}
      <Button icon={<CopyOutlined />} loading={busy.clone} onClick={onClone} data-testid="clone-template">
        Nhân bản thành phiên bản mới
      </Button>
      {!readOnly && (
        <>
          <Button icon={<SaveOutlined />} loading={busy.save} disabled={rawError} onClick={onSave} data-testid="save-template">
            Lưu nháp
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={busy.publish}
            onClick={onPublish}
            data-testid="publish-template"
            title={errorCount ? `Còn ${errorCount} lỗi` : undefined}
          >
            Xuất bản
          </Button>
        </>
      )}
    </Space>
  );
}
