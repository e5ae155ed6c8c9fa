import { useState } from 'react';
import { Alert, App, Button, Input, Modal, Space } from 'antd';
import { ApiError, errorMessage } from '../api/client';
import type { EventKind } from '@bdg/workflows';
import type { AllowedEvent, Submission } from '../api/types';
import { coverageSentence, isComplete } from '../schema-form/schema-lib';
import { FindingItems } from './FindingsList';
import { useSendEvent, type SendEventBody } from './hooks';

export const SIGN_WARNING = 'Sau khi ký, nội dung sẽ bị khóa';
export const LOCK_WARNING = 'Sau bước này, dữ liệu sẽ bị khóa: không sửa được nữa, trừ khi cấp trên trả lại';

export interface EventButtonsProps {
  submissionId: string;
  events: AllowedEvent[];
  /** Runs before sending (save pending edits, validate before SUBMIT); false stops the event. */
  beforeSend?: (event: AllowedEvent) => Promise<boolean>;
  /** Extra body for an event, e.g. the reviewer's field comments with RETURN. */
  extraBody?: (event: AllowedEvent) => Partial<SendEventBody>;
  /** A 422 from the server: its field list, to show beside the fields. */
  onFieldProblems?: (problems: { path: string; title: string; message: string }[]) => void;
  onDone?: (next: Submission, event: AllowedEvent) => void;
  /** Kinds of events drawn elsewhere on the page (e.g. the compile button). */
  exclude?: EventKind[];
  /** The submission as shown: an incomplete coverage or rule warnings are confirmed before moving it on. */
  submission?: Pick<Submission, 'coverage' | 'findings'>;
}

/** Button looks by what the event does (its kind, from the flow's actions and tags), never by its name. */
const PRIMARY = new Set<EventKind>(['submit', 'approve', 'sign', 'accept', 'compile']);
const DANGER = new Set<EventKind>(['reject', 'return']);
export const kindOf = (e: Pick<AllowedEvent, 'kind'>): EventKind => e.kind ?? 'other';

/** The allowed events as buttons with their Vietnamese labels; comment dialog where one is required; confirm before SIGN. */
export function EventButtons({ submissionId, events, beforeSend, extraBody, onFieldProblems, onDone, exclude, submission }: EventButtonsProps) {
  const send = useSendEvent(submissionId);
  const { modal, message } = App.useApp();
  const [commentFor, setCommentFor] = useState<AllowedEvent | null>(null);
  const [comment, setComment] = useState('');
  const [commentTouched, setCommentTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const shown = events.filter((e) => !exclude?.includes(kindOf(e)));

  const fire = async (event: AllowedEvent, text?: string, checked = false) => {
    setError(null);
    setBusy(event.type);
    try {
      if (!checked && beforeSend && !(await beforeSend(event))) return;
      const body: SendEventBody = { type: event.type, ...(text ? { comment: text } : {}), ...extraBody?.(event) };
      const next = await send.mutateAsync(body);
      setCommentFor(null);
      setComment('');
      message.success(`Đã thực hiện: ${event.label}`);
      onDone?.(next, event);
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError && err.status === 422 && err.fieldProblems.length) onFieldProblems?.(err.fieldProblems);
    } finally {
      setBusy(null);
    }
  };

  const onClick = (event: AllowedEvent) => {
    const coverage = submission?.coverage;
    const warnings = (submission?.findings ?? []).filter((f) => f.severity === 'warning');
    const incomplete = !!coverage && !isComplete(coverage);
    // Moving on an incomplete consolidation, or figures with warnings, is a decision to confirm (not for a return).
    if (!event.requiresComment && (incomplete || warnings.length)) {
      modal.confirm({
        title: `${event.label}?`,
        width: 560,
        content: (
          <div data-testid="event-confirm-details">
            {incomplete && <p data-testid="confirm-coverage">{coverageSentence(coverage)}</p>}
            {warnings.length > 0 && (
              <>
                <p>Các cảnh báo về số liệu:</p>
                <FindingItems findings={warnings} />
              </>
            )}
            <p>
              {kindOf(event) === 'sign' ? `${SIGN_WARNING}. ` : event.locksData ? `${LOCK_WARNING}. ` : ''}Bạn vẫn muốn tiếp tục?
            </p>
          </div>
        ),
        okText: event.label,
        cancelText: 'Hủy',
        onOk: () => fire(event),
      });
      return;
    }
    if (event.requiresComment) {
      setCommentFor(event);
      setComment('');
      setCommentTouched(false);
      return;
    }
    // A step that locks editable data (from the flow's tags) is confirmed: "Gửi ký" cannot be undone by the clerk.
    // The form is saved and checked first: a refused form lists its problems instead of asking.
    if (event.locksData && kindOf(event) !== 'sign') {
      void (async () => {
        setError(null);
        setBusy(event.type);
        const ok = beforeSend ? await beforeSend(event).catch(() => false) : true;
        setBusy(null);
        if (!ok) return;
        modal.confirm({
          title: `${event.label}?`,
          content: `${LOCK_WARNING}. Bạn có chắc chắn muốn tiếp tục?`,
          okText: event.label,
          cancelText: 'Hủy',
          onOk: () => fire(event, undefined, true),
        });
      })();
      return;
    }
    if (kindOf(event) === 'sign') {
      modal.confirm({
        title: `${event.label}?`,
        content: `${SIGN_WARNING}. Bạn có chắc chắn muốn ký?`,
        okText: event.label,
        cancelText: 'Hủy',
        onOk: () => fire(event),
      });
      return;
    }
    void fire(event);
  };

  if (shown.length === 0) return null;
  const commentMissing = comment.trim() === '';
  return (
    <div className="bdg-events" data-testid="event-buttons">
      <Space wrap>
        {shown.map((e) => (
          <Button
            key={e.type}
            type={PRIMARY.has(kindOf(e)) ? 'primary' : 'default'}
            danger={DANGER.has(kindOf(e))}
            loading={busy === e.type}
            disabled={!!busy && busy !== e.type}
            onClick={() => onClick(e)}
            data-event={e.type}
          >
            {e.label}
          </Button>
        ))}
      </Space>
      {error && !commentFor && <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} title={error} data-testid="event-error" />}
      <Modal
        open={!!commentFor}
        title={commentFor ? commentFor.label : ''}
        okText={commentFor?.label ?? 'Gửi'}
        cancelText="Hủy"
        confirmLoading={!!busy}
        okButtonProps={{ disabled: commentMissing && commentTouched }}
        onCancel={() => setCommentFor(null)}
        onOk={() => {
          setCommentTouched(true);
          if (commentMissing || !commentFor) return;
          void fire(commentFor, comment.trim());
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
          aria-invalid={commentMissing && commentTouched}
          aria-describedby={commentMissing && commentTouched ? 'event-comment-error' : undefined}
          onChange={(e) => setComment(e.target.value)}
          onBlur={() => setCommentTouched(true)}
        />
        {commentMissing && commentTouched && (
          <div id="event-comment-error" className="bdg-field-error" role="alert">
            Vui lòng nhập ý kiến.
          </div>
        )}
        {error && commentFor && <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} title={error} />}
      </Modal>
    </div>
  );
}
