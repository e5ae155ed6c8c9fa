/** The columns of the list of children: the unit (drill down), its state, its subtree's progress, its deadline, "Nhắc". */
import { Button, Progress, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ProgressChild } from '../../../shared/api/types';
import { formatDate, formatNumber, formatPercent, formatProgress } from '../../../shared/format/format';
import { StateTag } from '../../../shared/ui/StateTag';
import type { ReviewSummary } from '../api/review-api';
import { donePercent, stateSummary } from '../utils/progress';

interface ColumnsInput {
  unitKindLabel: (kind: string) => string;
  openUnit: (unitId: string) => void;
  stateLabels: Record<string, string>;
  summaryOf: (u: ProgressChild) => ReviewSummary | undefined;
  /** Present when the user may remind units: the unit being reminded now, if any. */
  remind?: { run: (u: ProgressChild) => void; busyUnitId: string | null };
}

export function childColumns({ unitKindLabel, openUnit, stateLabels, summaryOf, remind }: ColumnsInput): ColumnsType<ProgressChild> {
  return [
    {
      title: 'Đơn vị',
      key: 'name',
      render: (_: unknown, u) => (
        <div>
          {u.hasChildren ? (
            <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => openUnit(u.unitId)} aria-label={`Xem ${u.unitName}`}>
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
    { title: 'Trạng thái', key: 'state', render: (_: unknown, u) => <UnitState unit={u} summary={summaryOf(u)} /> },
    { title: 'Tiến độ đơn vị trực thuộc', key: 'subtree', render: (_: unknown, u) => (u.hasChildren ? <SubtreeProgress unit={u} stateLabels={stateLabels} /> : '—') },
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
    ...(remind
      ? [
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_: unknown, u: ProgressChild) =>
              u.submissionId && !u.handedIn ? (
                <Button size="small" onClick={() => remind.run(u)} loading={remind.busyUnitId === u.unitId} aria-label={`Nhắc ${u.unitName}`}>
                  Nhắc
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
}

function SubtreeProgress({ unit: u, stateLabels }: { unit: ProgressChild; stateLabels: Record<string, string> }) {
  return (
    <div style={{ minWidth: 220 }}>
      <Progress format={formatProgress} percent={donePercent(u.subtree)} size="small" aria-label={`${u.unitName}: ${formatPercent(donePercent(u.subtree))} đã nộp`} />
      <div>
        {formatNumber(u.subtree.done)}/{formatNumber(u.subtree.total)} đã nộp · <span className={u.subtree.late ? 'bdg-flag' : undefined}>{formatNumber(u.subtree.late)} trễ hạn</span>
      </div>
      <Typography.Text type="secondary">{stateSummary(u.subtree.byState, stateLabels, (n) => formatNumber(n))}</Typography.Text>
    </div>
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
