import { Alert, Button, Space } from 'antd';
import type { EventKind } from '@bdg/workflows';
import type { AllowedEvent, Submission } from '../api/types';
import { EventCommentDialog } from './EventCommentDialog';
import type { SendEventBody } from './hooks';
import { kindOf, useEventActions } from './use-event-actions';

export { kindOf, LOCK_WARNING, SIGN_WARNING } from './use-event-actions';

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

/** The allowed events as buttons with their Vietnamese labels; comment dialog where one is required; confirm before SIGN. */
export function EventButtons({ events, exclude, ...opts }: EventButtonsProps) {
  const a = useEventActions(opts);
  const shown = events.filter((e) => !exclude?.includes(kindOf(e)));
  if (shown.length === 0) return null;
  return (
    <div className="bdg-events" data-testid="event-buttons">
      <Space wrap>
        {shown.map((e) => (
          <Button
            key={e.type}
            type={PRIMARY.has(kindOf(e)) ? 'primary' : 'default'}
            danger={DANGER.has(kindOf(e))}
            loading={a.busy === e.type}
            disabled={!!a.busy && a.busy !== e.type}
            onClick={() => a.onClick(e)}
            data-event={e.type}
          >
            {e.label}
          </Button>
        ))}
      </Space>
      {a.error && !a.commentFor && <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} title={a.error} data-testid="event-error" />}
      <EventCommentDialog
        event={a.commentFor}
        comment={a.comment}
        touched={a.commentTouched}
        busy={!!a.busy}
        error={a.error}
        onChange={a.setComment}
        onTouched={() => a.setCommentTouched(true)}
        onCancel={() => a.setCommentFor(null)}
        onSend={(text) => void a.fire(a.commentFor!, text)}
      />
    </div>
  );
}
