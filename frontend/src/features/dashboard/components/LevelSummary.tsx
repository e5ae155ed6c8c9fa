import { useMemo } from 'react';
import { Card, Col, Progress, Row, Statistic } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoundProgress } from '../../../shared/api/types';
import { formatNumber, formatPercent } from '../../../shared/format/format';
import { useUnitKindLabel } from '../../../shared/hooks/use-unit-kinds';
import { donePercent } from '../utils/progress';
import { ChartCard } from './ChartCard';

/** Colour-blind-safe palette with enough contrast on white, cycled over the states present. */
const PALETTE = ['#8c8c8c', '#d48806', '#1677ff', '#389e0d', '#cf1322', '#237804', '#722ed1', '#08979c'];
const vn = (v: unknown) => formatNumber(v as number);

/** The subtree of the unit on screen: one card per level (unit kind) and the states of each level as stacked bars. */
export function LevelSummary({ progress }: { progress: RoundProgress }) {
  const unitKindLabel = useUnitKindLabel();
  const states = useMemo(() => [...new Set(progress.levels.flatMap((l) => Object.keys(l.byState)))], [progress]);
  const rows = progress.levels.map((l) => ({ name: unitKindLabel(l.kind), ...l.byState }));
  return (
    <>
      <Row gutter={[16, 16]}>
        {progress.levels.map((l) => (
          <Col key={l.kind} xs={24} sm={12} lg={6}>
            <Card>
              <Statistic title={unitKindLabel(l.kind)} value={donePercent(l)} suffix=" % đã nộp" formatter={(v) => formatNumber(Number(v), 1)} />
              <Progress percent={donePercent(l)} showInfo={false} aria-label={`${unitKindLabel(l.kind)}: ${formatPercent(donePercent(l))} đã nộp`} />
              <div>
                {formatNumber(l.done)}/{formatNumber(l.total)} đơn vị · <span className={l.late ? 'bdg-flag' : undefined}>{formatNumber(l.late)} trễ hạn</span>
              </div>
            </Card>
          </Col>
        ))}
      </Row>
      <ChartCard
        title="Trạng thái theo cấp"
        summary={progress.levels.map((l) => `${unitKindLabel(l.kind)}: ${formatPercent(donePercent(l))} đã nộp`).join('; ')}
        testId="chart-levels"
      >
        <ResponsiveContainer width="100%" height={Math.max(160, progress.levels.length * 48 + 80)}>
          <BarChart data={rows} layout="vertical" margin={{ left: 40 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" tickFormatter={vn} allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={140} />
            <Tooltip formatter={vn} />
            <Legend />
            {states.map((s, i) => (
              <Bar key={s} dataKey={s} name={progress.stateLabels[s] ?? s} stackId="a" fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
    </>
  );
}
