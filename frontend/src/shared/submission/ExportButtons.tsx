import type { ReactNode } from 'react';
import { Alert, Button, Progress, Space } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { FORMAT_LABELS, type ExportFormat } from '../api/documents';
import { useExportDownload, type ExportOptions } from './use-export-download';
import { formatProgress } from '../format/format';

const ICONS: Record<ExportFormat, ReactNode> = {
  docx: <FileWordOutlined aria-hidden />,
  pdf: <FilePdfOutlined aria-hidden />,
  xlsx: <FileExcelOutlined aria-hidden />,
};

export interface ExportButtonsProps extends ExportOptions {
  submissionId: string;
  /** A compiled (consolidated) submission also offers its figures as Excel. */
  compiled?: boolean;
}

/**
 * "Tải Word (DOCX)", "Tải PDF" (and "Tải Excel (XLSX)" for a compiled report). A large export comes back
 * as a job (202): its progress is shown until the file is ready, then it downloads.
 */
export function ExportButtons({ submissionId, compiled, ...options }: ExportButtonsProps) {
  const { status, start, cancel, busy } = useExportDownload(submissionId, options);
  const formats: ExportFormat[] = compiled ? ['docx', 'pdf', 'xlsx'] : ['docx', 'pdf'];
  const current = status.phase === 'idle' ? null : status.format;
  const label = current ? FORMAT_LABELS[current] : '';
  return (
    <div data-testid="export-buttons">
      <Space wrap role="group" aria-label="Tải văn bản chính thức">
        {formats.map((f) => (
          <Button
            key={f}
            icon={ICONS[f]}
            loading={busy && current === f}
            disabled={busy && current !== f}
            onClick={() => {
              if (!busy) void start(f);
            }}
            data-format={f}
          >
            Tải {FORMAT_LABELS[f]}
          </Button>
        ))}
      </Space>
      <div role="status" aria-live="polite" data-testid="export-status" style={{ marginTop: busy || status.phase === 'done' ? 8 : 0 }}>
        {status.phase === 'requesting' && <span>Đang chuẩn bị tệp {label}…</span>}
        {status.phase === 'waiting' && (
          <div style={{ maxWidth: 480 }}>
            <span>
              Máy chủ đang tạo tệp {label}
              {status.jobState === 'created' ? ' (đang xếp hàng chờ xử lý)' : ''}… {formatProgress(status.progress)}
            </span>
            <Progress format={formatProgress} percent={status.progress} size="small" status="active" aria-label={`Tiến độ tạo tệp ${label}`} data-testid="export-progress" />
            {status.note && <div className="bdg-prev">{status.note}</div>}
            <Button size="small" onClick={cancel}>
              Hủy chờ
            </Button>
          </div>
        )}
        {status.phase === 'downloading' && <span>Tệp {label} đã sẵn sàng, đang tải xuống…</span>}
        {status.phase === 'done' && <span>Đã tải xuống tệp “{status.fileName}”.</span>}
      </div>
      {status.phase === 'error' && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 8 }}
          data-testid="export-error"
          title={`Không tải được tệp ${label}: ${status.message}`}
        />
      )}
    </div>
  );
}
