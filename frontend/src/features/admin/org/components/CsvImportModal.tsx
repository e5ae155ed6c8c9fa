/**
 * CSV import in two steps: a dry run (?dryRun=1) that shows every problem row by row, then the
 * real import, only when the dry run found none. Nothing is written before the admin confirms.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Spin, Steps, Table, Typography, Upload } from 'antd';
import type { ImportResult } from '../../api/types';
import { useCsvImport } from '../hooks/use-csv-import';
import { CSV_LIMITS_TEXT } from '../utils/csv-check';

export interface CsvImportModalProps {
  open: boolean;
  title: string;
  /** Which columns the file needs, shown to the admin. */
  columnsHelp: string;
  run: (file: File, dryRun: boolean) => Promise<ImportResult>;
  onClose: (imported: boolean) => void;
  testid: string;
}

export function CsvImportModal({ open, title, columnsHelp, run, onClose, testid }: CsvImportModalProps) {
  const { modal } = App.useApp();
  const { file, check, done, busy, error, choose, importNow, reset } = useCsvImport(run);
  const close = (imported: boolean) => {
    reset();
    onClose(imported);
  };
  const confirmImport = () =>
    modal.confirm({
      title: 'Nhập dữ liệu từ tệp?',
      content: `Sẽ ghi ${check?.created ?? 0} dòng vào hệ thống.`,
      okText: 'Nhập',
      cancelText: 'Huỷ',
      okButtonProps: { ...({ 'data-testid': `${testid}-confirm` } as Record<string, string>) },
      onOk: importNow,
    });

  return (
    <Modal
      open={open}
      title={title}
      width={760}
      onCancel={() => close(!!done)}
      footer={
        done ? (
          <Button type="primary" onClick={() => close(true)}>
            Đóng
          </Button>
        ) : (
          <Space>
            <Button onClick={() => close(false)}>Huỷ</Button>
            <Button
              type="primary"
              disabled={!check?.ok || check.errors.length > 0 || !!busy}
              loading={busy === 'import'}
              onClick={confirmImport}
              data-testid={`${testid}-run`}
            >
              Nhập {check?.ok ? `${check.created} dòng` : ''}
            </Button>
          </Space>
        )
      }
      destroyOnHidden
    >
      <div data-testid={testid}>
        <Steps
          size="small"
          current={done ? 2 : check ? 1 : 0}
          items={[{ title: 'Chọn tệp CSV (UTF-8)' }, { title: 'Kiểm tra thử' }, { title: 'Nhập' }]}
          style={{ marginBottom: 12 }}
        />
        <Typography.Paragraph type="secondary">
          {columnsHelp} {CSV_LIMITS_TEXT}
        </Typography.Paragraph>
        <Upload accept=".csv,text/csv" maxCount={1} showUploadList={false} beforeUpload={(f) => (void choose(f), false)}>
          <Button icon={<UploadOutlined />} disabled={!!busy} data-testid={`${testid}-file`}>
            {file ? `Đổi tệp (${file.name})` : 'Chọn tệp CSV'}
          </Button>
        </Upload>
        {busy === 'check' && (
          <div style={{ marginTop: 12 }}>
            <Spin /> Đang kiểm tra thử, chưa ghi gì…
          </div>
        )}
        {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} data-testid={`${testid}-error`} />}
        {check && !done && <CheckResult check={check} testid={testid} />}
        {done && <Alert style={{ marginTop: 12 }} type="success" showIcon message={`Đã nhập ${done.created} dòng.`} data-testid={`${testid}-done`} />}
      </div>
    </Modal>
  );
}

/** The dry run's answer: how many rows would be written, or every problem, row by row. */
function CheckResult({ check, testid }: { check: ImportResult; testid: string }) {
  if (check.errors.length === 0)
    return (
      <div style={{ marginTop: 12 }}>
        <Alert type="success" showIcon message={`Tệp hợp lệ: ${check.created} dòng sẽ được nhập. Chưa có gì được ghi.`} />
      </div>
    );
  return (
    <div style={{ marginTop: 12 }}>
      <Alert type="error" showIcon message={`${check.errors.length} lỗi: sửa tệp rồi chọn lại. Chưa có gì được ghi.`} />
      <Table
        style={{ marginTop: 8 }}
        size="small"
        data-testid={`${testid}-errors`}
        rowKey={(r) => `${r.line}:${r.column}:${r.message}`}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={check.errors}
        columns={[
          { title: 'Dòng', dataIndex: 'line', width: 70 },
          { title: 'Cột', dataIndex: 'column', width: 140 },
          { title: 'Lỗi', dataIndex: 'message' },
        ]}
      />
    </div>
  );
}
