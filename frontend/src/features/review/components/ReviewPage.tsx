import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Space, Tabs } from 'antd';
import type { Submission } from '../../../shared/api/types';
import { FormStore } from '../../../shared/schema-form/form-store';
import { SchemaForm, useSections } from '../../../shared/schema-form/SchemaForm';
import { TableOfContents } from '../../../shared/schema-form/TableOfContents';
import { ChangesSinceSeen } from '../../../shared/submission/ChangesSinceSeen';
import { CoverageNotice } from '../../../shared/submission/CoverageNotice';
import { EventButtons } from '../../../shared/submission/EventButtons';
import { FindingsList } from '../../../shared/submission/FindingsList';
import { HistoryTimeline } from '../../../shared/submission/HistoryTimeline';
import { isCompiled, usePreparedTemplate, useSubmission } from '../../../shared/submission/hooks';
import { SubmissionHeader } from '../../../shared/submission/SubmissionHeader';
import { OfficialDocuments } from '../../../shared/submission/OfficialDocuments';
import { QueryState } from '../../../shared/ui/QueryState';
import { useReviewExtras } from '../hooks/use-review-extras';
import { DraftCommentsNotice } from './DraftCommentsNotice';
import { ReturnedChangesTab } from './ReturnedChangesTab';

type Prepared = NonNullable<ReturnType<typeof usePreparedTemplate>['prepared']>;

/** Duyệt: the child's submission read-only, with changes since it was returned, the previous round, field comments. */
export function ReviewPage() {
  const { id = '' } = useParams<{ id: string }>();
  const sub = useSubmission(id);
  const tpl = usePreparedTemplate(sub.data?.templateCode, sub.data?.templateVersion, isCompiled(sub.data));
  return (
    <QueryState isLoading={sub.isLoading || (!!sub.data && tpl.isLoading)} error={sub.error ?? tpl.error} onRetry={() => void sub.refetch()}>
      {() =>
        sub.data && tpl.prepared && tpl.template ? (
          <ReviewView
            key={sub.data.id}
            submission={sub.data}
            prepared={tpl.prepared}
            title={tpl.template.title}
            titleOf={tpl.titleOf}
            unitOf={tpl.unitOf}
          />
        ) : null
      }
    </QueryState>
  );
}

interface ReviewViewProps {
  submission: Submission;
  prepared: Prepared;
  title: string;
  titleOf: (p: string) => string;
  unitOf: (p: string) => string | undefined;
}

function ReviewView({ submission, prepared, title, titleOf, unitOf }: ReviewViewProps) {
  const navigate = useNavigate();
  const [store] = useState(() => new FormStore(submission.data ?? {}));
  const sections = useSections(prepared);
  const { renderExtras, returned, changes, drafts } = useReviewExtras(submission, titleOf, unitOf);
  return (
    <article data-testid="review-page">
      <SubmissionHeader submission={submission} title={title} heading="Duyệt báo cáo" />
      <OfficialDocuments submission={submission} />
      <ChangesSinceSeen submission={submission} titleOf={titleOf} unitOf={unitOf} />
      <CoverageNotice coverage={submission.coverage} />
      <FindingsList findings={submission.findings} />
      <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <EventButtons
          submissionId={submission.id}
          events={submission.allowedEvents}
          submission={submission}
          extraBody={(e) => (e.kind === 'return' && drafts.length ? { fieldComments: drafts.map(([path, text]) => ({ path, text })) } : {})}
          onDone={(_next, e) => {
            if (e.kind === 'accept' || e.kind === 'return') navigate('/');
          }}
        />
        <DraftCommentsNotice drafts={drafts} titleOf={titleOf} onJump={sections.jumpTo} />
      </Space>
      <Tabs
        items={[
          {
            key: 'form',
            label: 'Nội dung báo cáo',
            children: (
              <div className="bdg-fill-layout">
                <TableOfContents sections={prepared.sections} onOpen={(k) => sections.jumpTo(`/${k}`)} />
                <SchemaForm prepared={prepared} store={store} sections={sections} readonly renderExtras={renderExtras} derivation={isCompiled(submission) ? 'compile' : 'fill'} />
              </div>
            ),
          },
          {
            key: 'changes',
            label: `Thay đổi từ lần trả lại${returned.data ? ` (${changes.length})` : ''}`,
            children: <ReturnedChangesTab returned={returned} changes={changes} unitOf={unitOf} onJump={sections.jumpTo} />,
          },
          { key: 'history', label: 'Lịch sử xử lý', children: <HistoryTimeline submissionId={submission.id} /> },
        ]}
      />
    </article>
  );
}
