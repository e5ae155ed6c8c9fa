import { useState, type ReactNode } from 'react';
import { App } from 'antd';
import { ApiError, errorMessage } from '../api/client';
import type { EventKind } from '@bdg/workflows';
import type { AllowedEvent, Submission } from '../api/types';
import { coverageSentence, isComplete } from '../schema-form/schema-lib';
import { FindingItems } from './FindingsList';
import { useSendEvent, type SendEventBody } from './hooks';

export const SIGN_WARNING = 'Sau khi ký, nội dung sẽ bị khóa';
export const LOCK_WARNING = 'Sau bước này, dữ liệu sẽ bị khóa: không sửa được nữa, trừ khi cấp trên trả lại';
export const kindOf = (e: Pick<AllowedEvent, 'kind'>): EventKind => e.kind ?? 'other';

export interface EventActionOptions {
  submissionId: string;
  beforeSend?: (event: AllowedEvent) => Promise<boolean>;
  extraBody?: (event: AllowedEvent) => Partial<SendEventBody>;
  onFieldProblems?: (problems: { path: string; title: string; message: string }[]) => void;
  onDone?: (next: Submission, event: AllowedEvent) => void;
  submission?: Pick<Submission, 'coverage' | 'findings'>;
}

/** Sends an event (after `beforeSend`), with the comment dialog's state and the error to show. */
function useFire({ submissionId, beforeSend, extraBody, onFieldProblems, onDone }: EventActionOptions) {
  const send = useSendEvent(submissionId);
  const { message } = App.useApp();
  const [commentFor, setCommentFor] = useState<AllowedEvent | null>(null);
  const [comment, setComment] = useState('');
  const [commentTouched, setCommentTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
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
  const askComment = (event: AllowedEvent) => {
    setCommentFor(event);
    setComment('');
    setCommentTouched(false);
  };
  return { fire, askComment, commentFor, setCommentFor, comment, setComment, commentTouched, setCommentTouched, error, setError, busy, setBusy };
}

/** What is confirmed before moving on an incomplete consolidation or figures with warnings. */
function ConfirmDetails({ event, submission }: { event: AllowedEvent; submission?: Pick<Submission, 'coverage' | 'findings'> }) {
  const coverage = submission?.coverage;
  const warnings = (submission?.findings ?? []).filter((f) => f.severity === 'warning');
  const incomplete = !!coverage && !isComplete(coverage);
  return (
    <div data-testid="event-confirm-details">
      {incomplete && <p data-testid="confirm-coverage">{coverageSentence(coverage)}</p>}
      {warnings.length > 0 && (
        <>
          <p>Các cảnh báo về số liệu:</p>
          <FindingItems findings={warnings} />
        </>
      )}
      <p>{kindOf(event) === 'sign' ? `${SIGN_WARNING}. ` : event.locksData ? `${LOCK_WARNING}. ` : ''}Bạn vẫn muốn tiếp tục?</p>
    </div>
  );
}

/** A click on an event: confirm what needs confirming (locking, signing, warnings), ask for a comment, or send. */
export function useEventActions(opts: EventActionOptions) {
  const { modal } = App.useApp();
  const f = useFire(opts);
  const { beforeSend, submission } = opts;
  const confirm = (event: AllowedEvent, content: ReactNode, onOk: () => Promise<void>, width?: number) =>
    modal.confirm({ title: `${event.label}?`, width, content, okText: event.label, cancelText: 'Hủy', onOk });

  const onClick = (event: AllowedEvent) => {
    const coverage = submission?.coverage;
    const warned = (submission?.findings ?? []).some((x) => x.severity === 'warning');
    // Moving on an incomplete consolidation, or figures with warnings, is a decision to confirm (not for a return).
    if (!event.requiresComment && ((!!coverage && !isComplete(coverage)) || warned)) {
      confirm(event, <ConfirmDetails event={event} submission={submission} />, () => f.fire(event), 560);
      return;
    }
    if (event.requiresComment) return f.askComment(event);
    // A step that locks editable data (from the flow's tags) is confirmed: "Gửi ký" cannot be undone by the clerk.
    // The form is saved and checked first: a refused form lists its problems instead of asking.
    if (event.locksData && kindOf(event) !== 'sign') {
      void (async () => {
        f.setError(null);
        f.setBusy(event.type);
        const ok = beforeSend ? await beforeSend(event).catch(() => false) : true;
        f.setBusy(null);
        if (ok) confirm(event, `${LOCK_WARNING}. Bạn có chắc chắn muốn tiếp tục?`, () => f.fire(event, undefined, true));
      })();
      return;
    }
    if (kindOf(event) === 'sign') {
      confirm(event, `${SIGN_WARNING}. Bạn có chắc chắn muốn ký?`, () => f.fire(event));
      return;
    }
    void f.fire(event);
  };
  return { ...f, onClick };
}
