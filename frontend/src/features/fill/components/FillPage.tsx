import { lazy, Suspense, useMemo } from 'react';
import { useParams } from 'react-router';
import { Skeleton, Tabs, Typography } from 'antd';
import type { Submission, TemplateVersion } from '../../../shared/api/types';
import { ErrorSummary } from '../../../shared/schema-form/ErrorSummary';
import type { PreparedForm } from '../../../shared/schema-form/prepare-form';
import { SchemaForm, useSections } from '../../../shared/schema-form/SchemaForm';
import type { FieldError } from '../../../shared/schema-form/schema-lib';
import { useTemplateValidator } from '../../../shared/schema-form/validation-on-demand';
import { TableOfContents } from '../../../shared/schema-form/TableOfContents';
import { ChangesSinceSeen } from '../../../shared/submission/ChangesSinceSeen';
import { CoverageNotice } from '../../../shared/submission/CoverageNotice';
import { FindingsList } from '../../../shared/submission/FindingsList';
import { isCompiled, usePreparedTemplate, useSubmission } from '../../../shared/submission/hooks';
import { SubmissionHeader } from '../../../shared/submission/SubmissionHeader';
import { OfficialDocuments } from '../../../shared/submission/OfficialDocuments';
import { QueryState } from '../../../shared/ui/QueryState';
import { errorsToErrorSchema } from '../../../shared/utils/json-pointer';
import { useFillForm } from '../hooks/use-fill-form';
import { AttachmentsPanel } from './AttachmentsPanel';
import { FieldCommentsNotice, AccessNotices, EditingNotices, RawInputsNotice } from './FillNotices';
import { FillActionBar } from './FillActionBar';
import { useFieldCommentExtras } from './FieldCommentAlerts';
import { RequiredProgress } from './RequiredProgress';
import { ReturnReason } from './ReturnReason';
import { expandSectionErrors } from '../utils/required-fields';

// Shown only after a 409 (its table of differences is antd's Table): its own chunk, not in the page's first load.
const ConflictDialog = lazy(() => import('./ConflictDialog').then((m) => ({ default: m.ConflictDialog })));
// Its tab opens on a click (antd's Timeline is built on Steps): its own chunk too.
const HistoryTimeline = lazy(() => import('../../../shared/submission/HistoryTimeline').then((m) => ({ default: m.HistoryTimeline })));

/** Nhập liệu: the pinned template version rendered as a form, autosaved, with the allowed events. */
export function FillPage() {
  const { id } = useParams<{ id: string }>();
  const sub = useSubmission(id);
  const tpl = usePreparedTemplate(sub.data?.templateCode, sub.data?.templateVersion, isCompiled(sub.data));
  return (
    <QueryState
      isLoading={sub.isLoading || (!!sub.data && tpl.isLoading)}
      error={sub.error ?? tpl.error}
      onRetry={() => {
        void sub.refetch();
        void tpl.refetch();
      }}
    >
      {() =>
        sub.data && tpl.template && tpl.prepared ? (
          <FillForm
            key={sub.data.id}
            submission={sub.data}
            template={tpl.template}
            prepared={tpl.prepared}
            validatorKey={tpl.validatorKey}
            titleOf={tpl.titleOf}
            unitOf={tpl.unitOf}
          />
        ) : null
      }
    </QueryState>
  );
}

export interface FillFormProps {
  submission: Submission;
  template: TemplateVersion;
  prepared: PreparedForm;
  /** The template version's check, loaded on demand (usePreparedTemplate's key). */
  validatorKey: string;
  titleOf: (pointer: string) => string;
  unitOf?: (pointer: string) => string | undefined;
  autosaveDelayMs?: number;
}

export function FillForm({ submission, template, prepared, validatorKey, titleOf, unitOf, autosaveDelayMs }: FillFormProps) {
  // The server says who may write (the unit's editor, or the reviewer of a compiled report).
  const editable = (submission.editable ?? true) && !submission.locked && !submission.final;
  const validation = useTemplateValidator(template.schema, validatorKey);
  const form = useFillForm({ submission, schema: template.schema, validation, editable, autosaveDelayMs });
  const storedMissing = useStoredMissing(submission, form.restored);
  const sections = useSections(prepared);
  const errorSchema = useMemo(() => errorsToErrorSchema(form.errors), [form.errors]);
  const renderExtras = useFieldCommentExtras(submission.fieldComments);
  // A whole untouched section is named field by field, not "Mục … chưa được nhập".
  const summary = useMemo(
    () => expandSectionErrors(template.schema, form.errors).map((e) => ({ path: e.path, title: e.title, message: e.message })),
    [form.errors, template.schema],
  );
  return (
    <article data-testid="fill-page" data-editable={editable}>
      <ReturnReason submission={submission} />
      <SubmissionHeader submission={submission} title={template.title} />
      <OfficialDocuments submission={submission} />
      <CoverageNotice coverage={submission.coverage} />
      {!editable && <ChangesSinceSeen submission={submission} titleOf={titleOf} unitOf={unitOf} />}
      {!editable && <FindingsList findings={submission.findings} onJump={sections.jumpTo} />}
      <EditingNotices restored={form.restored} offline={editable && !form.online} lockedMessage={form.status === 'locked' ? (form.saveError ?? '') : null} />
      <AccessNotices submission={submission} editable={editable} />
      <FieldCommentsNotice comments={submission.fieldComments ?? []} titleOf={titleOf} onJump={sections.jumpTo} />
      {editable && <RawInputsNotice rawInputs={submission.rawInputs ?? {}} titleOf={titleOf} onJump={sections.jumpTo} />}
      {editable && <RequiredProgress schema={template.schema} validator={form.validator} stored={storedMissing} store={form.store} onJump={sections.jumpTo} />}
      <FillActionBar submission={submission} editable={editable} form={form} />
      <ErrorSummary errors={summary} onJump={sections.jumpTo} />
      <div className="bdg-fill-layout" style={{ marginTop: 12 }}>
        <TableOfContents sections={prepared.sections} onOpen={(key) => sections.jumpTo(`/${key}`)} />
        {/* the check starts loading when the clerk first enters the form */}
        <div onFocus={form.warmUp}>
          <SchemaForm
            key={form.formKey}
            prepared={prepared}
            store={form.store}
            sections={sections}
            readonly={!editable}
            errorSchema={errorSchema}
            renderExtras={renderExtras}
            onFieldBlur={form.onFieldBlur}
            derivation={isCompiled(submission) ? 'compile' : 'fill'}
          />
          <Tabs
            style={{ marginTop: 24 }}
            items={[
              { key: 'files', label: 'Tệp minh chứng', children: <AttachmentsPanel submissionId={submission.id} editable={editable} /> },
              {
                key: 'history',
                label: 'Lịch sử xử lý',
                children: (
                  <Suspense fallback={<Skeleton active />}>
                    <HistoryTimeline submissionId={submission.id} />
                  </Suspense>
                ),
              },
            ]}
          />
        </div>
      </div>
      {form.conflict && (
        <Suspense fallback={null}>
          <ConflictDialog
            mine={form.conflict.mine}
            server={form.conflict.server}
            titleOf={titleOf}
            unitOf={unitOf}
            onKeepMine={() => void form.resolveConflict('mine')}
            onTakeServer={() => void form.resolveConflict('server')}
          />
        </Suspense>
      )}
      <Typography.Text className="bdg-visually-hidden">Biểu mẫu {template.title}, phiên bản {template.version}</Typography.Text>
    </article>
  );
}

/**
 * The server's list of required fields the stored data lacks, while the form shows that data as stored: not for a
 * restored local copy, nor with kept typos (the page's own check reads them as typed).
 */
function useStoredMissing(submission: Submission, restored: boolean): FieldError[] | null {
  const { missingRequired, rawInputs } = submission;
  const applies = !restored && Object.keys(rawInputs ?? {}).length === 0;
  return useMemo(() => (applies && missingRequired ? missingRequired.map((e) => ({ ...e, keyword: 'required' })) : null), [applies, missingRequired]);
}
