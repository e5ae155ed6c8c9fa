/** The wizard's last step: the round as it will open, how many reports each kind gets, and the opening's progress. */
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Progress, Result, Spin, Table, Typography } from 'antd';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import type { Round, RoundPreview } from '../../api/types';
import { describeError } from '../../components/errors';
import { formatProgress } from '../../../../shared/format/format';
import type { useDeadlineCheck } from '../hooks/use-deadline-check';
import type { RoundDraft } from '../utils/round-payload';
import { DeadlineFindings } from './DeadlineFindings';
import { DATE_FMT } from './RoundFlowsStep';

interface Props {
  draft: RoundDraft;
  rootName: string | undefined;
  preview: UseQueryResult<RoundPreview>;
  deadlineCheck: ReturnType<typeof useDeadlineCheck>;
  open: UseMutationResult<Round, Error, void>;
  jobProgress: number | null;
}

export function RoundPreviewStep({ draft, rootName, preview, deadlineCheck, open, jobProgress }: Props) {
  return (
    <>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label="Tên đợt">{draft.name}</Descriptions.Item>
        <Descriptions.Item label="Kỳ">{draft.period}</Descriptions.Item>
        <Descriptions.Item label="Biểu mẫu">{draft.template ? `${draft.template.code} v${draft.template.version}` : ''}</Descriptions.Item>
        <Descriptions.Item label="Đơn vị gốc">{rootName ?? draft.rootUnitId}</Descriptions.Item>
      </Descriptions>
      {preview.isLoading && <Spin tip="Đang tính số hồ sơ…" />}
      {preview.error && <Alert type="error" showIcon message={`Không xem trước được: ${describeError(preview.error)}`} />}
      {preview.data && <PreviewTable draft={draft} preview={preview.data} />}
      <DeadlineFindings check={deadlineCheck} />
      {open.isPending && (
        <Card size="small" style={{ marginTop: 12 }} data-testid="round-progress">
          <Typography.Text>Đang mở đợt và tạo hồ sơ cho các đơn vị… Bạn có thể rời trang này: tiến độ vẫn hiện ở danh sách đợt báo cáo.</Typography.Text>
          <Progress format={formatProgress} percent={jobProgress ?? 99} status="active" showInfo={jobProgress !== null} />
        </Card>
      )}
      {open.error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={`Chưa mở được đợt: ${describeError(open.error)}`} />}
    </>
  );
}

function PreviewTable({ draft, preview }: { draft: RoundDraft; preview: RoundPreview }) {
  return (
    <Table
      size="small"
      rowKey="kind"
      pagination={false}
      data-testid="round-preview"
      dataSource={draft.rows
        .filter((r) => r.flowCode)
        .map((r) => ({ kind: r.kind, flow: r.flowCode, deadline: r.deadline, n: preview.byKind[r.kind] ?? 0 }))}
      columns={[
        { title: 'Cấp / loại đơn vị', dataIndex: 'kind' },
        { title: 'Quy trình', dataIndex: 'flow' },
        { title: 'Hạn nộp', dataIndex: 'deadline', render: (d?: string) => (d ? dayjs(d).format(DATE_FMT) : '') },
        { title: 'Số hồ sơ', dataIndex: 'n' },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={3}>
            <b>Tổng cộng</b>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1}>
            <b data-testid="round-preview-total">{preview.total}</b>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/** Once open: the round, and how many reports it created for each kind. */
export function RoundOpened({ round }: { round: Round }) {
  return (
    <Result
      status="success"
      data-testid="round-opened"
      title={`Đã mở đợt “${round.name}”`}
      subTitle={`Đã tạo ${round.counts?.total ?? ''} hồ sơ báo cáo.`}
      extra={[
        <Link key="list" to="/admin/rounds">
          Danh sách đợt báo cáo
        </Link>,
      ]}
    >
      {round.counts && (
        <Table
          size="small"
          pagination={false}
          rowKey="kind"
          dataSource={Object.entries(round.counts.byKind).map(([kind, n]) => ({ kind, n }))}
          columns={[
            { title: 'Loại đơn vị', dataIndex: 'kind' },
            { title: 'Số hồ sơ', dataIndex: 'n' },
          ]}
        />
      )}
    </Result>
  );
}
