import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Input, Popconfirm, Progress, Select, Space, Table, Typography } from 'antd';
import { errorMessage } from '../../../shared/api/client';
import type { ProgressChild, RoundProgress } from '../../../shared/api/types';
import { formatDate, formatNumber, formatPercent, formatProgress } from '../../../shared/format/format';
import { useUnitKindLabel } from '../../../shared/hooks/use-unit-kinds';
import { StateTag } from '../../../shared/ui/StateTag';
import { type BulkAcceptResult, reviewApi, type ReviewSummary } from '../api/review-api';
import type { useDrillDown } from '../hooks/use-drill-down';
import { donePercent, stateSummary } from '../utils/progress';

const SORT_OPTIONS = [
  { value: 'name', label: 'Tên A → Z' },
  { value: '-name', label: 'Tên Z → A' },
  { value: 'late', label: 'Trễ hạn nhiều nhất' },
  { value: 'done', label: 'Tỷ lệ đã nộp thấp nhất' },
  { value: '-done', label: 'Tỷ lệ đã nộp cao nhất' },
  { value: 'state', label: 'Trạng thái' },
];

interface Props {
  progress: RoundProgress;
  drill: ReturnType<typeof useDrillDown>;
  /** A reviewer or admin may remind the units below them (the server checks each). */
  canRemind: boolean;
  /** A reviewer may accept the reports waiting for them: the list asks which ones one click may accept. */
  canReview: boolean;
}

/**
 * The children of the unit on screen, one page at a time (server-side paging, search and sort): names,
 * states, days late, each subtree's bar; for a reviewer the list of children of issue #18 — "Nhắc" per
 * unit, "Nhắc tất cả đơn vị trễ hạn", and bulk accept of the selected reports without errors or warnings.
 */
export function ChildrenTable({ progress, drill, canRemind, canReview }: Props) {
  const unitKindLabel = useUnitKindLabel();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { units, node, round, stateLabels } = progress;
  const [selected, setSelected] = useState<string[]>([]);
  const [result, setResult] = useState<BulkAcceptResult | null>(null);
  const waiting = useMemo(
    () => units.items.filter((u) => u.submissionId && u.stateTags?.includes('submitted')).map((u) => u.submissionId!),
    [units.items],
  );
  const summaries = useQuery({
    queryKey: ['review-summary', waiting],
    queryFn: () => reviewApi.summaries(waiting),
    enabled: canReview && waiting.length > 0,
  });
  const bySubmission = useMemo(() => new Map((summaries.data ?? []).map((s) => [s.id, s])), [summaries.data]);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['rounds', round.id, 'progress'] }).then(() => qc.invalidateQueries({ queryKey: ['review-summary'] }));

  const remind = useMutation({
    mutationFn: (u: ProgressChild) => reviewApi.remind(u.submissionId!),
    onSuccess: (r) => void message.success(`Đã nhắc ${r.unitName} (${formatNumber(r.notified)} người nhận).`),
    onError: (e) => void message.error(errorMessage(e)),
  });
  const remindLate = useMutation({
    mutationFn: () => reviewApi.remindLate(round.id, node.unitId),
    onSuccess: (r) =>
      void message.info(
        `Đã nhắc ${formatNumber(r.reminded.length)} đơn vị trễ hạn` + (r.skipped.length ? `; ${formatNumber(r.skipped.length)} đơn vị đã được nhắc trong giờ qua.` : '.'),
      ),
    onError: (e) => void message.error(errorMessage(e)),
  });
  const accept = useMutation({
    mutationFn: () =>
      reviewApi.bulkAccept(selected.map((id) => bySubmission.get(id)).filter((s): s is ReviewSummary => !!s).map((s) => ({ id: s.id, contentHash: s.contentHash }))),
    onSuccess: (r) => {
      setResult(r);
      setSelected([]);
      if (r.accepted.length) void message.success(`Đã duyệt ${formatNumber(r.accepted.length)} báo cáo.`);
      refresh();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  const anyAcceptable = (summaries.data ?? []).some((s) => s.bulkAcceptable);
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>Đơn vị trực thuộc {node.unitName} ({formatNumber(units.total)})</h3>} data-testid="children-card">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label="Tìm đơn vị"
          placeholder="Tìm theo tên hoặc mã (không cần dấu)"
          defaultValue={drill.params.q}
          onSearch={drill.setSearch}
          style={{ width: 280 }}
        />
        <Select aria-label="Sắp xếp" style={{ width: 220 }} value={drill.params.sort ?? 'name'} options={SORT_OPTIONS} onChange={drill.setSort} />
        <Checkbox checked={!!drill.params.late} onChange={(e) => drill.setLateOnly(e.target.checked)}>
          Chỉ đơn vị trễ hạn
        </Checkbox>
        {canRemind && (
          <Popconfirm title="Nhắc tất cả đơn vị trễ hạn trong danh sách này?" okText="Nhắc" cancelText="Huỷ" onConfirm={() => remindLate.mutate()}>
            <Button loading={remindLate.isPending}>Nhắc tất cả đơn vị trễ hạn</Button>
          </Popconfirm>
        )}
        {canReview && anyAcceptable && (
          <Popconfirm
            title={`Duyệt ${selected.length} báo cáo đã chọn?`}
            description="Mỗi báo cáo được duyệt đúng nội dung bạn đang thấy; báo cáo đã thay đổi sẽ không được duyệt."
            okText="Duyệt"
            cancelText="Huỷ"
            disabled={!selected.length}
            onConfirm={() => accept.mutate()}
          >
            <Button type="primary" disabled={!selected.length} loading={accept.isPending}>
              Duyệt các đơn vị đã chọn ({selected.length})
            </Button>
          </Popconfirm>
        )}
      </Space>
      {result && result.refused.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setResult(null)}
          style={{ marginBottom: 12 }}
          message={`${formatNumber(result.refused.length)} báo cáo chưa được duyệt`}
          description={
            <ul style={{ margin: 0 }} data-testid="bulk-refused">
              {result.refused.map((r) => (
                <li key={r.index}>{r.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table<ProgressChild>
        size="small"
        rowKey="unitId"
        dataSource={units.items}
        data-testid="children-table"
        locale={{ emptyText: 'Không có đơn vị nào.' }}
        scroll={{ x: 900 }}
        rowSelection={
          canReview && anyAcceptable
            ? {
                selectedRowKeys: units.items.filter((u) => u.submissionId && selected.includes(u.submissionId)).map((u) => u.unitId),
                onChange: (_keys, rows) => setSelected(rows.map((r) => r.submissionId!).filter(Boolean)),
                getCheckboxProps: (u) => ({
                  disabled: !(u.submissionId && bySubmission.get(u.submissionId)?.bulkAcceptable),
                  'aria-label': `Chọn ${u.unitName}`,
                }),
              }
            : undefined
        }
        pagination={{
          current: units.page,
          pageSize: units.pageSize,
          total: units.total,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: drill.setPage,
          showTotal: (t) => `${formatNumber(t)} đơn vị`,
        }}
        columns={[
          {
            title: 'Đơn vị',
            key: 'name',
            render: (_: unknown, u) => (
              <div>
                {u.hasChildren ? (
                  <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => drill.openUnit(u.unitId)} aria-label={`Xem ${u.unitName}`}>
                    {u.unitName}
                  </Button>
                ) : (
                  u.unitName
                )}
                <div>
                  <Typography.Text type="secondary">{unitKindLabel(u.kind)}</Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: 'Trạng thái',
            key: 'state',
            render: (_: unknown, u) => <UnitState unit={u} summary={u.submissionId ? bySubmission.get(u.submissionId) : undefined} />,
          },
          {
            title: 'Tiến độ đơn vị trực thuộc',
            key: 'subtree',
            render: (_: unknown, u) =>
              u.hasChildren ? (
                <div style={{ minWidth: 220 }}>
                  <Progress format={formatProgress} percent={donePercent(u.subtree)} size="small" aria-label={`${u.unitName}: ${formatPercent(donePercent(u.subtree))} đã nộp`} />
                  <div>
                    {formatNumber(u.subtree.done)}/{formatNumber(u.subtree.total)} đã nộp · <span className={u.subtree.late ? 'bdg-flag' : undefined}>{formatNumber(u.subtree.late)} trễ hạn</span>
                  </div>
                  <Typography.Text type="secondary">{stateSummary(u.subtree.byState, stateLabels, (n) => formatNumber(n))}</Typography.Text>
                </div>
              ) : (
                '—'
              ),
          },
          {
            title: 'Hạn nộp',
            key: 'late',
            render: (_: unknown, u) => (
              <div>
                {u.deadline ? formatDate(u.deadline) : '—'}
                {u.daysLate > 0 && (
                  <div className="bdg-flag" data-testid="days-late">
                    Trễ {formatNumber(u.daysLate)} ngày
                  </div>
                )}
              </div>
            ),
          },
          ...(canRemind
            ? [
                {
                  title: 'Thao tác',
                  key: 'actions',
                  render: (_: unknown, u: ProgressChild) =>
                    u.submissionId && !u.handedIn ? (
                      <Button size="small" onClick={() => remind.mutate(u)} loading={remind.isPending && remind.variables?.unitId === u.unitId} aria-label={`Nhắc ${u.unitName}`}>
                        Nhắc
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function UnitState({ unit, summary }: { unit: ProgressChild; summary?: ReviewSummary }) {
  if (!unit.state) return <Typography.Text type="secondary">Không tham gia</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      <StateTag state={unit.state} label={unit.stateLabel ?? unit.state} tags={unit.stateTags ?? undefined} />
      {summary && (summary.errors > 0 || summary.warnings > 0) && (
        <Typography.Text type="warning">
          {formatNumber(summary.errors)} lỗi, {formatNumber(summary.warnings)} cảnh báo — mở để duyệt riêng
        </Typography.Text>
      )}
    </Space>
  );
}
