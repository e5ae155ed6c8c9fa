import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import { CommentOutlined, DeleteOutlined } from '@ant-design/icons';
import type { RJSFSchema } from '@rjsf/utils';
import { ApiError } from '../../../shared/api/client';
import { api, qk } from '../../../shared/api/endpoints';
import type { Submission } from '../../../shared/api/types';
import { formatDateTime, formatNumber, formatPercent } from '../../../shared/format/format';
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
import { changedPaths, diffData, type FieldChange } from '../../../shared/utils/data-diff';
import { getAtPointer } from '../../../shared/utils/json-pointer';
import { displayValue } from '../../fill/components/ConflictDialog';
import { compareWithPrevious } from '../utils/compare';

/** Duyệt: the child's submission read-only, with changes since it was returned, the previous round, field comments. */
export function ReviewPage() {
  const { id = '' } = useParams<{ id: string }>();
  const sub = useSubmission(id);
  const tpl = usePreparedTemplate(sub.data?.templateCode, sub.data?.templateVersion, isCompiled(sub.data));
  return (
    <QueryState isLoading={sub.isLoading || (!!sub.data && tpl.isLoading)} error={sub.error ?? tpl.error} onRetry={() => void sub.refetch()}>
      {() =>
        sub.data && tpl.prepared && tpl.template ? (
          <ReviewView key={sub.data.id} submission={sub.data} prepared={tpl.prepared} title={tpl.template.title} titleOf={tpl.titleOf} />
        ) : null
      }
    </QueryState>
  );
}

/** Optional endpoints: a 404 means "nothing to compare with", never an error page. */
async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

function ReviewView({
  submission,
  prepared,
  title,
  titleOf,
}: {
  submission: Submission;
  prepared: NonNullable<ReturnType<typeof usePreparedTemplate>['prepared']>;
  title: string;
  titleOf: (p: string) => string;
}) {
  const navigate = useNavigate();
  const previous = useQuery({ queryKey: qk.previous(submission.id), queryFn: () => orNull(api.previous(submission.id)) });
  const returned = useQuery({ queryKey: qk.returned(submission.id), queryFn: () => orNull(api.returned(submission.id)) });
  const [store] = useState(() => new FormStore(submission.data ?? {}));
  const sections = useSections(prepared);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<string | null>(null);

  const changes = useMemo<FieldChange[]>(
    () => (returned.data ? diffData(returned.data.data, submission.data, titleOf) : []),
    [returned.data, submission.data, titleOf],
  );
  const changed = useMemo(() => changedPaths(changes), [changes]);
  const prevData = previous.data?.data;
  const existing = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const c of submission.fieldComments ?? []) m.set(c.path, [...(m.get(c.path) ?? []), c.text]);
    return m;
  }, [submission.fieldComments]);

  const renderExtras = useCallback(
    (pointer: string, _schema: RJSFSchema) => (
      <FieldReviewExtras
        pointer={pointer}
        current={getAtPointer(submission.data, pointer)}
        previous={prevData ? getAtPointer(prevData, pointer) : undefined}
        previousRound={previous.data?.roundName}
        changedFrom={changed.has(pointer) ? changes.find((c) => c.path === pointer)?.before : undefined}
        isChanged={changed.has(pointer)}
        earlier={existing.get(pointer)}
        draft={drafts[pointer]}
        editing={editing === pointer}
        onEdit={() => setEditing(pointer)}
        onSave={(text) => {
          setDrafts((d) => {
            const next = { ...d };
            if (text.trim()) next[pointer] = text.trim();
            else delete next[pointer];
            return next;
          });
          setEditing(null);
        }}
        onCancel={() => setEditing(null)}
        label={titleOf(pointer)}
      />
    ),
    [submission.data, prevData, previous.data?.roundName, changed, changes, existing, drafts, editing, titleOf],
  );

  const draftList = Object.entries(drafts);
  return (
    <article data-testid="review-page">
      <SubmissionHeader submission={submission} title={title} heading="Duyệt báo cáo" />
      <OfficialDocuments submission={submission} />
      <ChangesSinceSeen submission={submission} titleOf={titleOf} />
      <CoverageNotice coverage={submission.coverage} />
      <FindingsList findings={submission.findings} />
      <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <EventButtons
          submissionId={submission.id}
          events={submission.allowedEvents}
          submission={submission}
          extraBody={(e) =>
            e.kind === 'return' && draftList.length ? { fieldComments: draftList.map(([path, text]) => ({ path, text })) } : {}
          }
          onDone={(_next, e) => {
            if (e.kind === 'accept' || e.kind === 'return') navigate('/');
          }}
        />
        {draftList.length > 0 && (
          <Alert
            type="info"
            showIcon
            title={`${draftList.length} ý kiến theo trường sẽ được gửi kèm khi trả lại`}
            description={
              <ul className="bdg-error-list">
                {draftList.map(([path, text]) => (
                  <li key={path}>
                    <Button type="link" size="small" className="bdg-error-link" style={{ color: '#0958d9' }} onClick={() => sections.jumpTo(path)}>
                      {titleOf(path)}: {text}
                    </Button>
                  </li>
                ))}
              </ul>
            }
          />
        )}
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
            children: (
              <QueryState isLoading={returned.isLoading} error={returned.error}>
                {() =>
                  !returned.data ? (
                    <Typography.Paragraph>Báo cáo chưa từng bị trả lại, không có bản trước để so sánh.</Typography.Paragraph>
                  ) : (
                    <>
                    <Typography.Paragraph data-testid="returned-at">
                      Lần trả lại gần nhất: {formatDateTime(returned.data.at)}. Đơn vị đã sửa {changes.length} trường kể từ đó.
                    </Typography.Paragraph>
                    <Table<FieldChange>
                      rowKey="path"
                      size="small"
                      dataSource={changes}
                      data-testid="changes-since-return"
                      locale={{ emptyText: 'Đơn vị không sửa trường nào.' }}
                      columns={[
                        {
                          title: 'Trường',
                          dataIndex: 'title',
                          render: (t: string, c) => (
                            <Button type="link" size="small" onClick={() => sections.jumpTo(c.path)}>
                              {t}
                            </Button>
                          ),
                        },
                        { title: 'Khi trả lại', dataIndex: 'before', render: displayValue },
                        { title: 'Hiện nay', dataIndex: 'after', render: displayValue },
                      ]}
                    />
                    </>
                  )
                }
              </QueryState>
            ),
          },
          { key: 'history', label: 'Lịch sử xử lý', children: <HistoryTimeline submissionId={submission.id} /> },
        ]}
      />
    </article>
  );
}

function FieldReviewExtras(props: {
  pointer: string;
  label: string;
  current: unknown;
  previous: unknown;
  previousRound?: string;
  isChanged: boolean;
  changedFrom: unknown;
  earlier?: string[];
  draft?: string;
  editing: boolean;
  onEdit: () => void;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const cmp = props.previousRound ? compareWithPrevious(props.current, props.previous) : null;
  const [text, setText] = useState(props.draft ?? '');
  return (
    <div data-testid={`review-extras-${props.pointer}`}>
      {cmp && (
        <div className="bdg-prev">
          {props.previousRound}: {formatNumber(cmp.previous)}
          {cmp.change !== null && ` (${cmp.change > 0 ? '+' : ''}${formatPercent(cmp.change)})`}{' '}
          {cmp.large && <span className="bdg-flag">⚠ Thay đổi lớn</span>}
        </div>
      )}
      {props.isChanged && <Tag color="#874d00">Đã sửa sau khi trả lại (trước: {displayValue(props.changedFrom)})</Tag>}
      {props.earlier?.map((t, i) => (
        <div key={i} className="bdg-prev">
          Ý kiến trước: {t}
        </div>
      ))}
      {props.draft && !props.editing && (
        <Alert type="info" title={`Ý kiến của bạn: ${props.draft}`} action={<Button size="small" type="text" icon={<DeleteOutlined />} aria-label="Xóa ý kiến" onClick={() => props.onSave('')} />} />
      )}
      {props.editing ? (
        <Card size="small">
          <label htmlFor={`cmt-${props.pointer}`}>Ý kiến về “{props.label}”</label>
          <Input.TextArea id={`cmt-${props.pointer}`} autoFocus rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          <Space style={{ marginTop: 4 }}>
            <Button size="small" type="primary" onClick={() => props.onSave(text)}>
              Lưu ý kiến
            </Button>
            <Button size="small" onClick={props.onCancel}>
              Hủy
            </Button>
          </Space>
        </Card>
      ) : (
        <Button size="small" type="link" icon={<CommentOutlined />} onClick={props.onEdit} aria-label={`Nhận xét trường ${props.label}`}>
          Nhận xét
        </Button>
      )}
    </div>
  );
}

