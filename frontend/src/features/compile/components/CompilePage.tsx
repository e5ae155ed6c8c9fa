import { useCallback, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Tabs, Typography } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import type { RJSFSchema } from '@rjsf/utils';
import { isDone } from '@bdg/workflows';
import { api, qk } from '../../../shared/api/endpoints';
import type { Submission } from '../../../shared/api/types';
import { FormStore } from '../../../shared/schema-form/form-store';
import type { PreparedForm } from '../../../shared/schema-form/prepare-form';
import { SchemaForm, useSections } from '../../../shared/schema-form/SchemaForm';
import { TableOfContents } from '../../../shared/schema-form/TableOfContents';
import { CoverageNotice } from '../../../shared/submission/CoverageNotice';
import { FindingsList } from '../../../shared/submission/FindingsList';
import { HistoryTimeline } from '../../../shared/submission/HistoryTimeline';
import { usePreparedTemplate, useSubmission } from '../../../shared/submission/hooks';
import { SubmissionHeader } from '../../../shared/submission/SubmissionHeader';
import { OfficialDocuments } from '../../../shared/submission/OfficialDocuments';
import { QueryState } from '../../../shared/ui/QueryState';
import { getAtPointer } from '../../../shared/utils/json-pointer';
import { useCompile } from '../hooks/use-compile';
import { ChildrenList } from './ChildrenList';
import { CompileActions } from './CompileActions';
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
  const compiling = useCompile(submission);
  const [sourcePath, setSourcePath] = useState<string | null>(null);
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
      <CompileActions submission={submission} titleOf={titleOf} compiling={compiling} />
      <CoverageNotice coverage={submission.coverage} />
      <FindingsList findings={submission.findings} />
      {compiling.preview && (
        <RecompileDialog
          preview={compiling.preview}
          label={compiling.compileEvent?.label || 'Tổng hợp lại'}
          busy={compiling.compile.isPending}
          onConfirm={(overwrite) => void compiling.run(overwrite)}
          onCancel={compiling.closePreview}
        />
      )}
      <Tabs
        items={[
          {
            key: 'children',
            label: `Đơn vị trực thuộc${children.data ? ` (${done}/${children.data.length} đã duyệt)` : ''}`,
            children: <ChildrenList children={children} />,
          },
          {
            key: 'form',
            label: 'Báo cáo tổng hợp',
            children: submission.compiled ? (
              <CompiledForm submission={submission} prepared={prepared} titleOf={titleOf} onSources={setSourcePath} />
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

interface CompiledFormProps {
  submission: Submission;
  prepared: PreparedForm;
  titleOf: (p: string) => string;
  onSources: (pointer: string) => void;
}

/** The consolidated form, read-only, each figure with a link to the units it was made from. */
function CompiledForm({ submission, prepared, titleOf, onSources }: CompiledFormProps) {
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
          onClick={() => onSources(pointer)}
          aria-label={`Xem các đơn vị tạo nên số liệu “${titleOf(pointer)}”`}
          data-testid={`sources-${pointer}`}
        >
          Nguồn số liệu
        </Button>
      );
    },
    [submission.compiled, titleOf, onSources],
  );
  return (
    <div className="bdg-fill-layout">
      <TableOfContents sections={prepared.sections} onOpen={(k) => sections.jumpTo(`/${k}`)} />
      <SchemaForm key={submission.version} prepared={prepared} store={store} sections={sections} readonly renderExtras={renderExtras} derivation="compile" />
    </div>
  );
}
