import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Select, Space } from 'antd';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, qk } from '../../../shared/api/endpoints';
import type { RoundProgress } from '../../../shared/api/types';
import { formatDate, formatNumber } from '../../../shared/format/format';
import { usePreparedTemplate } from '../../../shared/submission/hooks';
import { QueryState } from '../../../shared/ui/QueryState';
import { numericIndicators } from '../utils/progress';
import { ChartCard } from './ChartCard';

const vn = (v: unknown) => formatNumber(v as number);

/** An indicator from the data (e.g. % nữ CBQL) by unit, from the consolidated figure of the unit on screen and its sources. */
export function IndicatorChart({ progress }: { progress: RoundProgress }) {
  const { round, node } = progress;
  const tpl = usePreparedTemplate(round.templateCode, round.templateVersion, true);
  const indicators = useMemo(() => (tpl.template ? numericIndicators(tpl.template.schema) : []), [tpl.template]);
  const [picked, setPicked] = useState<string | undefined>();
  const pointer = picked ?? indicators[0]?.pointer;
  // The consolidated figure of the unit on screen, and the units it was made from.
  const root = node.submissionId;
  const sources = useQuery({
    queryKey: qk.sources(root ?? '', pointer ?? ''),
    queryFn: () => api.sources(root!, pointer!),
    enabled: !!root && !!pointer,
  });
  const indicator = indicators.find((i) => i.pointer === pointer);
  const rows = (sources.data ?? []).filter((s) => typeof s.value === 'number').map((s) => ({ name: s.unitName, value: s.value as number }));
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>Chỉ tiêu theo đơn vị</h3>} extra={<span>Hạn cấp cơ sở: {formatDate(Object.values(round.deadlines)[0])}</span>}>
      {indicators.length === 0 ? (
        <Empty description="Biểu mẫu không có chỉ tiêu số." />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <label>
            <span style={{ marginRight: 8 }}>Chỉ tiêu</span>
            <Select
              style={{ minWidth: 320 }}
              aria-label="Chọn chỉ tiêu"
              value={pointer}
              onChange={setPicked}
              options={indicators.map((i) => ({ value: i.pointer, label: tpl.titleOf(i.pointer) }))}
            />
          </label>
          <QueryState isLoading={sources.isLoading} error={sources.error} onRetry={() => void sources.refetch()}>
            {() =>
              rows.length === 0 ? (
                <Empty description="Chưa có số liệu tổng hợp cho chỉ tiêu này." />
              ) : (
                <ChartCard title={indicator ? tpl.titleOf(indicator.pointer) : 'Chỉ tiêu'} summary={rows.map((r) => `${r.name}: ${formatNumber(r.value)}`).join('; ')} testId="chart-indicator">
                  <ResponsiveContainer width="100%" height={Math.max(220, rows.length * 28 + 60)}>
                    <BarChart data={rows} layout="vertical" margin={{ left: 40 }}>
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis type="number" tickFormatter={vn} />
                      <YAxis type="category" dataKey="name" width={200} />
                      <Tooltip formatter={vn} />
                      <Bar dataKey="value" name={indicator?.title ?? 'Giá trị'} fill="#0958d9" />
                    </BarChart>
                  </ResponsiveContainer>
                </ChartCard>
              )
            }
          </QueryState>
        </Space>
      )}
    </Card>
  );
}
