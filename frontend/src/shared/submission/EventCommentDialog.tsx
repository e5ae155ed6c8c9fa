import { Alert, Input, Modal } from 'antd';
import type { AllowedEvent } from '../api/types';

export interface EventCommentDialogProps {
  event: AllowedEvent | null;
  comment: string;
  touched: boolean;
  busy: boolean;
  error: string | null;
  onChange: (text: string) => void;
  onTouched: () => void;
  onCancel: () => void;
  onSend: (text: string) => void;
}

/** The comment a step requires (e.g. the reason for "Trả lại"): the step waits until one is written. */
export function EventCommentDialog({ event, comment, touched, busy, error, onChange, onTouched, onCancel, onSend }: EventCommentDialogProps) {
  const missing = comment.trim() === '';
  const showMissing = missing && touched;
  return (
    <Modal
      open={!!event}
      title={event ? event.label : ''}
      okText={event?.label ?? 'Gửi'}
      cancelText="Hủy"
      confirmLoading={busy}
      okButtonProps={{ disabled: showMissing }}
      onCancel={onCancel}
      onOk={() => {
        onTouched();
        if (missing || !event) return;
        onSend(comment.trim());
      }}
      destroyOnHidden
    >
      <label htmlFor="event-comment" style={{ display: 'block', marginBottom: 8 }}>
        Ý kiến (bắt buộc)
      </label>
      <Input.TextArea
        id="event-comment"
        autoFocus
        rows={4}
        value={comment}
        aria-required
        aria-invalid={showMissing}
        aria-describedby={showMissing ? 'event-comment-error' : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onTouched}
      />
      {showMissing && (
        <div id="event-comment-error" className="bdg-field-error" role="alert">
          Vui lòng nhập ý kiến.
        </div>
      )}
      {error && event && <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} title={error} />}
    </Modal>
  );
}
