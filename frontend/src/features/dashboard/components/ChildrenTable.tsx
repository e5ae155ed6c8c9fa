import { Alert, Button, Card, Checkbox, Input, Popconfirm, Select, Space, Table } from 'antd';
import type { ProgressChild, RoundProgress } from '../../../shared/api/types';
import { formatNumber } from '../../../shared/format/format';
import { useUnitKindLabel } from '../../../shared/hooks/use-unit-kinds';
import type { useDrillDown } from '../hooks/use-drill-down';
import { useChildrenReview } from '../hooks/use-children-review';
import { childColumns } from './children-columns';

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
  const { units, node, stateLabels } = progress;
  const review = useChildrenReview(progress, canReview);
  const { selected, setSelected, result, bySubmission, remind } = review;
  const selecting = canReview && review.anyAcceptable;
  const columns = childColumns({
    unitKindLabel,
    openUnit: drill.openUnit,
    stateLabels,
    summaryOf: (u) => (u.submissionId ? bySubmission.get(u.submissionId) : undefined),
    remind: canRemind ? { run: (u) => remind.mutate(u), busyUnitId: remind.isPending ? (remind.variables?.unitId ?? null) : null } : undefined,
  });
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>Đơn vị trực thuộc {node.unitName} ({formatNumber(units.total)})</h3>} data-testid="children-card">
      <ChildrenToolbar drill={drill} canRemind={canRemind} selecting={selecting} review={review} />
      {result && result.refused.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={review.clearResult}
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
          selecting
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
        columns={columns}
      />
    </Card>
  );
}

interface ToolbarProps {
  drill: ReturnType<typeof useDrillDown>;
  canRemind: boolean;
  /** Some report may be accepted in bulk: the selection and its button show. */
  selecting: boolean;
  review: ReturnType<typeof useChildrenReview>;
}

function ChildrenToolbar({ drill, canRemind, selecting, review }: ToolbarProps) {
  const { selected, remindLate, accept } = review;
  return (
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
      {selecting && (
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
  );
}
