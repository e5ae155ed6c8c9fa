import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Tabs, Typography } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import type { RJSFSchema } from '@rjsf/utils';
import { isDone } from '@bdg/workflows';
import { errorMessage } from '../../../shared/api/client';
import { api, qk } from '../../../shared/api/endpoints';
import type { CompilePreview, Submission, SubmissionSummary } from '../../../shared/api/types';
import { formatDateTime, formatNumber } from '../../../shared/format/format';
import { FormStore } from '../../../shared/schema-form/form-store';
import type { PreparedForm } from '../../../shared/schema-form/prepare-form';
import { SchemaForm, useSections } from '../../../shared/schema-form/SchemaForm';
import { TableOfContents } from '../../../shared/schema-form/TableOfContents';
import { CoverageNotice } from '../../../shared/submission/CoverageNotice';
import { EventButtons } from '../../../shared/submission/EventButtons';
import { FindingsList } from '../../../shared/submission/FindingsList';
import { HistoryTimeline } from '../../../shared/submission/HistoryTimeline';
import { usePreparedTemplate, useSendEvent, useSubmission } from '../../../shared/submission/hooks';
import { QueuedJobProgress } from '../../../shared/submission/QueuedJobProgress';
import { SubmissionHeader } from '../../../shared/submission/SubmissionHeader';
import { OfficialDocuments } from '../../../shared/submission/OfficialDocuments';
import { DeadlineBadge } from '../../../shared/ui/DeadlineBadge';
import { QueryState } from '../../../shared/ui/QueryState';
import { StateTag } from '../../../shared/ui/StateTag';
import { getAtPointer } from '../../../shared/utils/json-pointer';
import { RecompileDialog } from './RecompileDialog';
import { SourcesDrawer } from './SourcesDrawer';

/** Tổng hợp (Phòng, Sở): the children's progress, COMPILE, and the consolidated form traced back to its units. */
export function CompilePage() {
  const { id = '' } = useParams<{ id: string }>();
  const sub = useSubmission(id);
  const tpl = usePreparedTemplate(sub.data?.templateCode, sub.data?.templateVersion, true);
  return (
    <QueryState isLoading={sub.isLoading || (!!sub.data && tpl.isLoading)} error={sub.error ?? tpl.error} onRetry={() => void sub.refetch()}>
      {() =>
        sub.data && tpl.prepared && tpl.template ? (
          <CompileView submission={sub.data} prepared={tpl.prepared} title={tpl.template.title} titleOf={tpl.titleOf} unitOf={tpl.unitOf} />
        ) : null
      }
    </QueryState>
  );
}

function CompileView({
  submission,
  prepared,
  title,
  titleOf,
  unitOf,
}: {
  submission: Submission;
  prepared: PreparedForm;
  title: string;
  titleOf: (p: string) => string;
  unitOf?: (p: string) => string | undefined;
}) {
  const children = useQuery({ queryKey: qk.children(submission.id), queryFn: () => api.children(submission.id) });
  const compile = useSendEvent(submission.id);
  const compileEvent = submission.allowedEvents.find((e) => e.kind === 'compile');
  const [sourcePath, setSourcePath] = useState<string | null>(null);
  const qc = useQueryClient();
  const [preview, setPreview] = useState<CompilePreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const runCompile = async (overwrite?: string[]) => {
    await compile.mutateAsync({ type: compileEvent!.type, ...(overwrite?.length ? { overwrite } : {}) }).catch(() => undefined);
    setPreview(null);
    // What is shown afterwards comes from the server, never from what the page held before.
    await qc.invalidateQueries({ queryKey: qk.submission(submission.id) });
  };
  // A first compile replaces nothing; a recompile shows what would change and asks first.
  const onCompile = async () => {
    setPreviewError(null);
    if (!submission.compiled) return runCompile();
    try {
      setPreview(await api.compilePreview(submission.id));
    } catch (e) {
      setPreviewError(errorMessage(e));
    }
  };
  const sections = useSections(prepared);
  // The consolidated data changes with each COMPILE: a new store (and form) per version.
  const store = useMemo(() => new FormStore(submission.data ?? {}), [submission.data]);
  const renderExtras = useCallback(
    (pointer: string, schema: RJSFSchema) => {
      const t = Array.isArray(schema.type) ? schema.type : [schema.type];
      const numeric = t.includes('number') || t.includes('integer');
      if (!numeric || !submission.compiled) return null;
      return (
        <Button
          size="small"
          type="link"
          icon={<ApartmentOutlined aria-hidden />}
          onClick={() => setSourcePath(pointer)}
          aria-label={`Xem các đơn vị tạo nên số liệu “${titleOf(pointer)}”`}
          data-testid={`sources-${pointer}`}
        >
          Nguồn số liệu
        </Button>
      );
    },
    [submission.compiled, titleOf],
  );
  const done = (children.data ?? []).filter(isDone).length;
  return (
    <article data-testid="compile-page">
      <SubmissionHeader submission={submission} title={title} heading="Tổng hợp" />
      <OfficialDocuments submission={submission} />
      {submission.compiled?.stale && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          data-testid="stale-warning"
          title="Số liệu tổng hợp đã cũ: có đơn vị được duyệt hoặc thay đổi sau lần tổng hợp gần nhất. Hãy bấm “Tổng hợp” lại."
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Space wrap align="center">
          {compileEvent && (
            <Button type="primary" loading={compile.isPending} onClick={() => void onCompile()} data-event={compileEvent.type}>
              {compileEvent.label || 'Tổng hợp'}
            </Button>
          )}
          {submission.compiled && (
            <span>
              Đã tổng hợp {formatNumber(submission.compiled.included)}/{formatNumber(submission.compiled.total)} đơn vị lúc{' '}
              {formatDateTime(submission.compiled.compiledAt)}
            </span>
          )}
          {!submission.locked && submission.compiled && <Link to={`/submissions/${submission.id}`}>Mở để chỉnh sửa và gửi</Link>}
        </Space>
        <QueuedJobProgress submissionId={submission.id} />
        {compile.error && <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} title={errorMessage(compile.error)} />}
        {previewError && <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} title={previewError} />}
        {!!submission.compiled?.kept?.length && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 8 }}
            data-testid="kept-fields"
            title={`Lần tổng hợp gần nhất giữ nguyên ${submission.compiled.kept.length} trường đơn vị đã tự sửa: ${submission.compiled.kept.map(titleOf).join('; ')}`}
          />
        )}
        <div style={{ marginTop: 12 }}>
          <EventButtons submissionId={submission.id} events={submission.allowedEvents} exclude={['compile']} submission={submission} />
        </div>
      </Card>
      <CoverageNotice coverage={submission.coverage} />
      <FindingsList findings={submission.findings} />
      {preview && (
        <RecompileDialog
          preview={preview}
          label={compileEvent?.label || 'Tổng hợp lại'}
          busy={compile.isPending}
          onConfirm={(overwrite) => void runCompile(overwrite)}
          onCancel={() => setPreview(null)}
        />
      )}
      <Tabs
        items={[
          {
            key: 'children',
            label: `Đơn vị trực thuộc${children.data ? ` (${done}/${children.data.length} đã duyệt)` : ''}`,
            children: (
              <QueryState isLoading={children.isLoading} error={children.error} onRetry={() => void children.refetch()}>
                {() => (
                  <Table<SubmissionSummary>
                    rowKey="id"
                    size="small"
                    dataSource={children.data ?? []}
                    data-testid="children-table"
                    pagination={(children.data?.length ?? 0) > 30 ? { pageSize: 30 } : false}
                    columns={[
                      { title: 'Đơn vị', dataIndex: 'unitName', render: (n: string, c) => <Link to={`/submissions/${c.id}/review`}>{n}</Link> },
                      { title: 'Trạng thái', dataIndex: 'state', render: (_: unknown, c) => <StateTag state={c.state} label={c.stateLabel} tags={c.stateTags} /> },
                      { title: 'Hạn nộp', dataIndex: 'deadline', render: (_: unknown, c) => <DeadlineBadge deadline={c.deadline} late={c.late} /> },
                      { title: 'Cập nhật', dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
                    ]}
                  />
                )}
              </QueryState>
            ),
          },
          {
            key: 'form',
            label: 'Báo cáo tổng hợp',
            children: submission.compiled ? (
              <div className="bdg-fill-layout">
                <TableOfContents sections={prepared.sections} onOpen={(k) => sections.jumpTo(`/${k}`)} />
                <SchemaForm key={submission.version} prepared={prepared} store={store} sections={sections} readonly renderExtras={renderExtras} derivation="compile" />
              </div>
            ) : (
              <Typography.Paragraph>Chưa tổng hợp. Khi các đơn vị đã được duyệt, bấm “Tổng hợp”.</Typography.Paragraph>
            ),
          },
          { key: 'history', label: 'Lịch sử xử lý', children: <HistoryTimeline submissionId={submission.id} /> },
        ]}
      />
      <SourcesDrawer
        submissionId={submission.id}
        path={sourcePath}
        title={sourcePath ? titleOf(sourcePath) : ''}
        value={sourcePath ? getAtPointer(submission.data, sourcePath) : undefined}
        unit={sourcePath ? unitOf?.(sourcePath) : undefined}
        onClose={() => setSourcePath(null)}
      />
    </article>
  );
}
