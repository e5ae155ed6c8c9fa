/** The next rounds of one regime with their dates: what will open by itself, and when. */
import { Alert, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { PlannedRound } from '@bdg/regimes';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import { describeError } from '../../components/errors';
import { deadlineLines, viDate } from '../utils/regime-view';

type Row = PlannedRound & { roundId: string | null };

export function RegimePreview({ code }: { code: string }) {
  const preview = useQuery({ queryKey: adminKeys.regimePreview(code), queryFn: () => adminApi.previewRegime(code, 4) });
  if (preview.error) return <Alert type="error" showIcon message={`Không tính được lịch: ${describeError(preview.error)}`} />;
  return (
    <Table<Row>
      data-testid={`regime-preview-${code}`}
      size="small"
      rowKey="period"
      pagination={false}
      loading={preview.isLoading}
      dataSource={preview.data?.rounds ?? []}
      scroll={{ x: true }}
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
        { title: 'Trạng thái', render: (_, r) => (r.roundId ? <Tag color="green">Đã mở</Tag> : <Tag>Chưa đến ngày</Tag>) },
      ]}
    />
  );
}
