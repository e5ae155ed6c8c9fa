/**
 * CSV import in two steps: a dry run (?dryRun=1) that shows every problem row by row, then the
 * real import, only when the dry run found none. Nothing is written before the admin confirms.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Spin, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportResult } from '../../api/types';
import { describeError } from '../../components/errors';
import { readFileBytes } from '../../components/download';
import { checkCsvBytes, CSV_LIMITS_TEXT } from '../utils/csv-check';

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
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<null | 'check' | 'import'>(null);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setFile(null);
    setCheck(null);
    setDone(null);
    setError(null);
    setBusy(null);
  };

  const choose = async (f: File) => {
    reset();
    const local = checkCsvBytes(await readFileBytes(f), f.name);
    if (!local.ok) {
      setError(local.message);
      return;
    }
    setFile(f);
    setBusy('check');
    try {
      setCheck(await run(f, true));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(null);
    }
  };

  const doImport = () =>
    modal.confirm({
      title: 'Nhập dữ liệu từ tệp?',
      content: `Sẽ ghi ${check?.created ?? 0} dòng vào hệ thống.`,
      okText: 'Nhập',
      cancelText: 'Huỷ',
      okButtonProps: { ...({ 'data-testid': `${testid}-confirm` } as Record<string, string>) },
      onOk: async () => {
        if (!file) return;
        setBusy('import');
        try {
          const r = await run(file, false);
          if (!r.ok) setCheck(r);
          else setDone(r);
        } catch (e) {
          setError(describeError(e));
        } finally {
          setBusy(null);
        }
      },
    });

  const step = done ? 2 : check ? 1 : 0;
  return (
    <Modal
      open={open}
      title={title}
      width={760}
      onCancel={() => {
        const imported = !!done;
        reset();
        onClose(imported);
      }}
      footer={
        done ? (
          <Button type="primary" onClick={() => (reset(), onClose(true))}>
            Đóng
          </Button>
        ) : (
          <Space>
            <Button onClick={() => (reset(), onClose(false))}>Huỷ</Button>
            <Button
              type="primary"
              disabled={!check?.ok || check.errors.length > 0 || !!busy}
              loading={busy === 'import'}
              onClick={doImport}
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
          current={step}
          items={[{ title: 'Chọn tệp CSV (UTF-8)' }, { title: 'Kiểm tra thử' }, { title: 'Nhập' }]}
          style={{ marginBottom: 12 }}
        />
        <Typography.Paragraph type="secondary">
          {columnsHelp} {CSV_LIMITS_TEXT}
        </Typography.Paragraph>
        <Upload
          accept=".csv,text/csv"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => (void choose(f), false)}
        >
          <Button icon={<UploadOutlined />} disabled={!!busy} data-testid={`${testid}-file`}>
            {file ? `Đổi tệp (${file.name})` : 'Chọn tệp CSV'}
          </Button>
        </Upload>
        {busy === 'check' && (
          <div style={{ marginTop: 12 }}>
            <Spin /> Đang kiểm tra thử, chưa ghi gì…
          </div>
        )}
        {error && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            message={error}
            data-testid={`${testid}-error`}
          />
        )}
        {check && !done && (
          <div style={{ marginTop: 12 }}>
            {check.errors.length === 0 ? (
              <Alert
                type="success"
                showIcon
                message={`Tệp hợp lệ: ${check.created} dòng sẽ được nhập. Chưa có gì được ghi.`}
              />
            ) : (
              <>
                <Alert
                  type="error"
                  showIcon
                  message={`${check.errors.length} lỗi: sửa tệp rồi chọn lại. Chưa có gì được ghi.`}
                />
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
              </>
            )}
          </div>
        )}
        {done && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            message={`Đã nhập ${done.created} dòng.`}
            data-testid={`${testid}-done`}
          />
        )}
      </div>
    </Modal>
  );
}
