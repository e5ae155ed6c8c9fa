import { Button } from 'antd';
import type { Submission } from '../../../shared/api/types';
import { EventButtons } from '../../../shared/submission/EventButtons';
import type { useFillForm } from '../hooks/use-fill-form';
import { SaveStatusText } from './SaveStatusText';

/** The save state, "Lưu ngay" and the flow's steps: a bottom bar on phones. */
export function FillActionBar({ submission, editable, form }: { submission: Submission; editable: boolean; form: ReturnType<typeof useFillForm> }) {
  return (
    <div className="bdg-toolbar bdg-action-bar" data-testid="action-bar">
      {editable && (
        <>
          <SaveStatusText status={form.status} savedAt={form.savedAt} saveError={form.saveError} lastUpdated={submission.updatedAt} />
          <Button onClick={() => void form.save()} disabled={form.status === 'saving'}>
            Lưu ngay
          </Button>
        </>
      )}
      <EventButtons
        submissionId={submission.id}
        events={submission.allowedEvents}
        submission={submission}
        beforeSend={(e) => form.prepareForEvent(e.kind)}
        onFieldProblems={(problems) => form.setErrors(problems.map((p) => ({ ...p, keyword: 'server' })))}
      />
    </div>
  );
}
