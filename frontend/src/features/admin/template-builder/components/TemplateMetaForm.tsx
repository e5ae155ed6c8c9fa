/** Under the header: the published notice, or the draft's name and period kind, and the count of errors left. */
import { Alert, Button, Form, Input } from 'antd';

interface Props {
  readOnly: boolean;
  title: string;
  periodKind: string;
  errorCount: number;
  onTitle: (v: string) => void;
  onPeriodKind: (v: string) => void;
  onShowLint: () => void;
}

export function TemplateMetaForm({ readOnly, title, periodKind, errorCount, onTitle, onPeriodKind, onShowLint }: Props) {
  if (readOnly)
    return (
      <Alert
        style={{ marginTop: 8 }}
        type="info"
        showIcon
        message="Phiên bản đã xuất bản không thể sửa. Bấm “Nhân bản thành phiên bản mới” để làm phiên bản tiếp theo."
      />
    );
  return (
    <>
      <Form layout="inline" style={{ marginTop: 8 }}>
        <Form.Item label="Tên biểu mẫu">
          <Input aria-label="Tên biểu mẫu" data-testid="template-title" style={{ width: 420 }} value={title} onChange={(e) => onTitle(e.target.value)} />
        </Form.Item>
        <Form.Item label="Loại kỳ">
          <Input aria-label="Loại kỳ báo cáo" style={{ width: 160 }} placeholder="nam, 6-thang" value={periodKind} onChange={(e) => onPeriodKind(e.target.value)} />
        </Form.Item>
      </Form>
      {errorCount > 0 && (
        <Alert
          style={{ marginTop: 8 }}
          type="error"
          showIcon
          data-testid="lint-summary"
          message={`Còn ${errorCount} lỗi cần sửa trước khi xuất bản.`}
          action={
            <Button size="small" onClick={onShowLint}>
              Xem danh sách
            </Button>
          }
        />
      )}
    </>
  );
}
