import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Tabs, Typography } from 'antd';
import type { RJSFSchema } from '@rjsf/utils';
import type { FieldComment, Submission, TemplateVersion } from '../../../shared/api/types';
import { ErrorSummary } from '../../../shared/schema-form/ErrorSummary';
import type { PreparedForm } from '../../../shared/schema-form/prepare-form';
import { SchemaForm, useSections } from '../../../shared/schema-form/SchemaForm';
import type { TemplateValidator } from '../../../shared/schema-form/schema-lib';
import { TableOfContents } from '../../../shared/schema-form/TableOfContents';
import { ChangesSinceSeen } from '../../../shared/submission/ChangesSinceSeen';
import { CoverageNotice } from '../../../shared/submission/CoverageNotice';
import { EventButtons } from '../../../shared/submission/EventButtons';
import { FindingsList } from '../../../shared/submission/FindingsList';
import { HistoryTimeline } from '../../../shared/submission/HistoryTimeline';
import { isCompiled, usePreparedTemplate, useSubmission } from '../../../shared/submission/hooks';
import { SubmissionHeader } from '../../../shared/submission/SubmissionHeader';
import { OfficialDocuments } from '../../../shared/submission/OfficialDocuments';
import { formatDateTime } from '../../../shared/format/format';
import { QueryState } from '../../../shared/ui/QueryState';
import { errorsToErrorSchema } from '../../../shared/utils/json-pointer';
import { useFillForm } from '../hooks/use-fill-form';
import { AttachmentsPanel } from './AttachmentsPanel';
import { OFFLINE_TEXT, SaveStatusText } from './SaveStatusText';
import { RequiredProgress } from './RequiredProgress';
import { ReturnReason } from './ReturnReason';
import { expandSectionErrors } from '../utils/required-fields';

// Shown only after a 409 (its table of differences is antd's Table): its own chunk, not in the page's first load.
const ConflictDialog = lazy(() => import('./ConflictDialog').then((m) => ({ default: m.ConflictDialog })));

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
        sub.data && tpl.template && tpl.prepared && tpl.validator ? (
          <FillForm
            key={sub.data.id}
            submission={sub.data}
            template={tpl.template}
            prepared={tpl.prepared}
            validator={tpl.validator}
            titleOf={tpl.titleOf}
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
  validator: TemplateValidator;
  titleOf: (pointer: string) => string;
  autosaveDelayMs?: number;
}

export function FillForm({ submission, template, prepared, validator, titleOf, autosaveDelayMs }: FillFormProps) {
  // The server says who may write (the unit's editor, or the reviewer of a compiled report).
  const editable = (submission.editable ?? true) && !submission.locked && !submission.final;
  const form = useFillForm({ submission, schema: template.schema, validator, editable, autosaveDelayMs });
  const sections = useSections(prepared);
  const errorSchema = useMemo(() => errorsToErrorSchema(form.errors), [form.errors]);
  const commentsByPath = useMemo(() => groupComments(submission.fieldComments ?? []), [submission.fieldComments]);
  const renderExtras = useCallback(
    (pointer: string, _schema: RJSFSchema) => {
      const list = commentsByPath.get(pointer);
      if (!list) return null;
      return list.map((c, i) => (
        <Alert
          key={i}
          type="warning"
          showIcon
          className="bdg-field-comment"
          data-testid={`field-comment-${pointer}`}
          title={`Ý kiến của ${c.byName ?? 'cấp trên'}${c.at ? ` (${formatDateTime(c.at)})` : ''}: ${c.text}`}
        />
      ));
    },
    [commentsByPath],
  );
  // A whole untouched section is named field by field, not "Mục … chưa được nhập".
  const summary = useMemo(
    () => expandSectionErrors(template.schema, form.errors).map((e) => ({ path: e.path, title: e.title, message: e.message })),
    [form.errors, template.schema],
  );
  const rawInputs = Object.keys(submission.rawInputs ?? {});
  return (
    <article data-testid="fill-page" data-editable={editable}>
      <ReturnReason submission={submission} />
      <SubmissionHeader submission={submission} title={template.title} />
      <OfficialDocuments submission={submission} />
      <CoverageNotice coverage={submission.coverage} />
      {!editable && <ChangesSinceSeen submission={submission} titleOf={titleOf} />}
      {!editable && <FindingsList findings={submission.findings} onJump={sections.jumpTo} />}
      {form.restored && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="Đã khôi phục dữ liệu bạn nhập nhưng chưa kịp lưu (phiên trước bị gián đoạn). Hệ thống đang lưu lại." />
      )}
      {(submission.locked || submission.final) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="locked-notice"
          title={submission.signature ? 'Biểu mẫu đã được ký và khóa; chỉ xem.' : 'Biểu mẫu đang khóa; chỉ xem.'}
        />
      )}
      {!editable && !submission.locked && !submission.final && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="readonly-notice"
          title="Bạn xem biểu mẫu ở chế độ chỉ đọc: chỉ người nhập liệu của đơn vị được sửa nội dung."
        />
      )}
      {commentsByPath.size > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Cấp trên có ${submission.fieldComments.length} ý kiến về các trường`}
          description={
            <ul className="bdg-error-list">
              {submission.fieldComments.map((c, i) => (
                <li key={i}>
                  <Button type="link" size="small" className="bdg-error-link" style={{ color: '#874d00' }} onClick={() => sections.jumpTo(c.path)}>
                    {titleOf(c.path)}: {c.text}
                  </Button>
                </li>
              ))}
            </ul>
          }
        />
      )}
      {editable && !form.online && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="offline-banner" title={OFFLINE_TEXT} />
      )}
      {form.status === 'locked' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="locked-while-editing" title={form.saveError} />}
      {editable && rawInputs.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="raw-inputs-notice"
          title={`Đã lưu nguyên văn ${rawInputs.length} ô nhập chưa đúng kiểu; hãy sửa trước khi gửi`}
          description={
            <ul className="bdg-error-list">
              {rawInputs.map((p) => (
                <li key={p}>
                  <Button type="link" size="small" className="bdg-error-link bdg-jump-link" onClick={() => sections.jumpTo(p)}>
                    {titleOf(p)}: “{submission.rawInputs?.[p]}”
                  </Button>
                </li>
              ))}
            </ul>
          }
        />
      )}
      {editable && <RequiredProgress schema={template.schema} validator={validator} store={form.store} onJump={sections.jumpTo} />}
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
      <ErrorSummary errors={summary} onJump={sections.jumpTo} />
      <div className="bdg-fill-layout" style={{ marginTop: 12 }}>
        <TableOfContents sections={prepared.sections} onOpen={(key) => sections.jumpTo(`/${key}`)} />
        <div>
          <SchemaForm
            key={form.formKey}
            prepared={prepared}
            store={form.store}
            sections={sections}
            readonly={!editable}
            errorSchema={errorSchema}
            renderExtras={commentsByPath.size ? renderExtras : undefined}
            onFieldBlur={form.onFieldBlur}
          />
          <Tabs
            style={{ marginTop: 24 }}
            items={[
              { key: 'files', label: 'Tệp minh chứng', children: <AttachmentsPanel submissionId={submission.id} editable={editable} /> },
              { key: 'history', label: 'Lịch sử xử lý', children: <HistoryTimeline submissionId={submission.id} /> },
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
            onKeepMine={() => void form.resolveConflict('mine')}
            onTakeServer={() => void form.resolveConflict('server')}
          />
        </Suspense>
      )}
      <Typography.Text className="bdg-visually-hidden">Biểu mẫu {template.title}, phiên bản {template.version}</Typography.Text>
    </article>
  );
}

function groupComments(comments: FieldComment[]): Map<string, FieldComment[]> {
  const m = new Map<string, FieldComment[]>();
  for (const c of comments) m.set(c.path, [...(m.get(c.path) ?? []), c]);
  return m;
}
