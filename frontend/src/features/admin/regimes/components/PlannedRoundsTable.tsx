/** The next rounds of a regime with their dates, moves off days off and findings (saved or draft). */
import { Alert, Table, Tag, Typography } from 'antd';
import type { PlannedRound } from '@bdg/regimes';
import { deadlineLines, viDate } from '../utils/regime-view';

export type PlannedRow = PlannedRound & { roundId?: string | null };

export function PlannedRoundsTable({ rounds, loading, testId, showStatus = true }: { rounds: PlannedRow[]; loading?: boolean; testId?: string; showStatus?: boolean }) {
  return (
    <Table<PlannedRow>
      data-testid={testId}
      size="small"
      rowKey="period"
      pagination={false}
      loading={loading}
      dataSource={rounds}
      scroll={{ x: true }}
      locale={{ emptyText: 'Không có đợt nào sắp mở (chế độ đột xuất mở đợt bằng tay).' }}
      columns={[
        { title: 'Kỳ báo cáo', render: (_, r) => <Typography.Text strong>{r.periodLabel}</Typography.Text> },
        { title: 'Ngày mở đợt', render: (_, r) => viDate(r.opensOn) },
        { title: 'Chốt số liệu', render: (_, r) => `${viDate(r.cutOff.from)} – ${viDate(r.cutOff.to)}` },
        {
          title: 'Hạn nộp theo cấp',
          render: (_, r) => (
            <>
              {deadlineLines(r).map((line) => (
                <div key={line}>{line}</div>
              ))}
              {r.deadlines.filter((d) => d.note).map((d) => (
                <Typography.Text key={d.label} type="secondary" style={{ display: 'block' }}>
                  {d.note}
                </Typography.Text>
              ))}
              {r.findings.map((f) => (
                <Alert key={f.message} type={f.severity === 'error' ? 'error' : 'warning'} showIcon message={f.message} style={{ marginTop: 4 }} />
              ))}
            </>
          ),
        },
        ...(showStatus
          ? [{ title: 'Trạng thái', render: (_: unknown, r: PlannedRow) => (r.roundId ? <Tag color="green">Đã mở</Tag> : <Tag>Chưa đến ngày</Tag>) }]
          : []),
      ]}
    />
  );
}
