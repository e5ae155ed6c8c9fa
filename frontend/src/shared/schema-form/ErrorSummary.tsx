import { Alert, Button } from 'antd';

export interface SummaryError {
  path: string;
  title?: string;
  message: string;
}

/** Tóm tắt lỗi: every problem as a link that jumps to its field. */
export function ErrorSummary({ errors, onJump, title = 'Biểu mẫu còn lỗi cần sửa' }: { errors: SummaryError[]; onJump: (pointer: string) => void; title?: string }) {
  if (errors.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="error-summary"
      title={`${title} (${errors.length})`}
      description={
        <ul className="bdg-error-list">
          {errors.slice(0, 50).map((e, i) => (
            <li key={`${e.path}-${i}`}>
              <Button type="link" size="small" className="bdg-error-link" onClick={() => onJump(e.path)}>
                {e.message}
              </Button>
            </li>
          ))}
          {errors.length > 50 && <li>… và {errors.length - 50} lỗi khác</li>}
        </ul>
      }
    />
  );
}
