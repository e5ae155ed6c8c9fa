import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Progress, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, qk } from '../../../shared/api/endpoints';
import type { RoundProgress } from '../../../shared/api/types';
import { formatDate, formatNumber, formatPercent } from '../../../shared/format/format';
import { useUnitKindLabel, useUnitKinds } from '../../../shared/hooks/use-unit-kinds';
import { usePreparedTemplate } from '../../../shared/submission/hooks';
import { DeadlineBadge } from '../../../shared/ui/DeadlineBadge';
import { QueryState } from '../../../shared/ui/QueryState';
import { StateTag } from '../../../shared/ui/StateTag';
import { completionByParent, levelCompletion, numericIndicators } from '../utils/progress';
import { ChartCard } from './ChartCard';

/** Colour-blind-safe palette with enough contrast on white. */
const STATE_COLORS: Record<string, string> = {
  draft: '#8c8c8c',
  collecting: '#8c8c8c',
  pending_signature: '#d48806',
  returned: '#cf1322',
  submitted: '#1677ff',
  accepted: '#389e0d',
  published: '#237804',
};
const vn = (v: unknown) => formatNumber(v as number);

/** Tiến độ đợt báo cáo: completion per level and unit, late units, indicator charts. */
export function DashboardPage() {
  const { roundId } = useParams<{ roundId: string }>();
  const navigate = useNavigate();
  const rounds = useQuery({ queryKey: qk.rounds, queryFn: api.rounds });
  // Asked alongside the rounds, so the levels are named as soon as the progress arrives.
  useUnitKinds();
  const selected = roundId ?? rounds.data?.[0]?.id;
  const progress = useQuery({ queryKey: qk.progress(selected ?? ''), queryFn: () => api.roundProgress(selected!), enabled: !!selected, refetchInterval: 60_000 });
  return (
    <section aria-labelledby="dash-title">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} id="dash-title">
          Tiến độ báo cáo
        </Typography.Title>
        <label>
          <span style={{ marginRight: 8 }}>Đợt báo cáo</span>
          <Select
            style={{ minWidth: 320 }}
            value={selected}
            loading={rounds.isLoading}
            aria-label="Chọn đợt báo cáo"
            options={(rounds.data ?? []).map((r) => ({ value: r.id, label: `${r.name} (${r.period})` }))}
            onChange={(v) => navigate(`/dashboard/${v}`)}
          />
        </label>
      </Space>
      <QueryState isLoading={rounds.isLoading || progress.isLoading} error={rounds.error ?? progress.error} onRetry={() => void progress.refetch()}>
        {() => (progress.data ? <ProgressView progress={progress.data} /> : <Empty description="Chưa có đợt báo cáo nào." />)}
      </QueryState>
    </section>
  );
}

function ProgressView({ progress }: { progress: RoundProgress }) {
  const unitKindLabel = useUnitKindLabel();
  const perParent = useMemo(() => completionByParent(progress), [progress]);
  const late = progress.units.filter((u) => u.late);
  const states = useMemo(() => [...new Set(progress.levels.flatMap((l) => Object.keys(l.byState)))], [progress]);
  const stateLabels = useMemo(() => new Map(progress.units.map((u) => [u.state, u.stateLabel])), [progress]);
  const levelRows = progress.levels.map((l) => ({ name: unitKindLabel(l.kind), ...l.byState }));
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        {progress.levels.map((l) => (
          <Col key={l.kind} xs={24} sm={12} lg={6}>
            <Card>
              <Statistic title={unitKindLabel(l.kind)} value={levelCompletion(l, progress.units)} suffix="% đã nộp" formatter={(v) => formatNumber(Number(v), 1)} />
              <Progress percent={levelCompletion(l, progress.units)} showInfo={false} aria-label={`${unitKindLabel(l.kind)}: ${formatPercent(levelCompletion(l, progress.units))} đã nộp`} />
              <div>
                {formatNumber(l.total)} đơn vị · <span className={l.late ? 'bdg-flag' : undefined}>{formatNumber(l.late)} trễ hạn</span>
              </div>
            </Card>
          </Col>
        ))}
      </Row>
      <ChartCard title="Trạng thái theo cấp" summary={progress.levels.map((l) => `${unitKindLabel(l.kind)}: ${formatPercent(levelCompletion(l, progress.units))} đã nộp`).join('; ')} testId="chart-levels">
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={levelRows} layout="vertical" margin={{ left: 40 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" tickFormatter={vn} allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={140} />
            <Tooltip formatter={vn} />
            <Legend />
            {states.map((s) => (
              <Bar key={s} dataKey={s} name={stateLabels.get(s) ?? s} stackId="a" fill={STATE_COLORS[s] ?? '#595959'} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      {perParent.length > 0 && (
        <ChartCard title="Tỷ lệ đơn vị trực thuộc đã nộp" summary={perParent.map((p) => `${p.unitName}: ${formatPercent(p.percent)}`).join('; ')} testId="chart-units">
          <ResponsiveContainer width="100%" height={Math.max(200, perParent.length * 28 + 60)}>
            <BarChart data={perParent} layout="vertical" margin={{ left: 40 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" domain={[0, 100]} tickFormatter={(v) => `${v}%`} />
              <YAxis type="category" dataKey="unitName" width={200} />
              <Tooltip formatter={(v) => formatPercent(Number(v))} />
              <Bar dataKey="percent" name="% đã nộp" fill="#0958d9" />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
      )}
      <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>Đơn vị trễ hạn ({late.length})</h3>}>
        <Table
          size="small"
          rowKey="unitId"
          dataSource={late}
          data-testid="late-units"
          locale={{ emptyText: 'Không có đơn vị trễ hạn.' }}
          pagination={late.length > 20 ? { pageSize: 20 } : false}
          columns={[
            { title: 'Đơn vị', dataIndex: 'unitName' },
            { title: 'Cấp', dataIndex: 'kind', render: (k: string) => unitKindLabel(k) },
            { title: 'Trạng thái', dataIndex: 'state', render: (_: unknown, u) => <StateTag state={u.state} label={u.stateLabel} tags={u.stateTags} /> },
            { title: 'Hạn nộp', dataIndex: 'deadline', render: (_: unknown, u) => <DeadlineBadge deadline={u.deadline} late /> },
          ]}
        />
      </Card>
      <IndicatorChart progress={progress} />
    </Space>
  );
}

/** An indicator from the data (e.g. % nữ CBQL) by unit, from the root's consolidated figure and its sources. */
function IndicatorChart({ progress }: { progress: RoundProgress }) {
  const { round } = progress;
  const tpl = usePreparedTemplate(round.templateCode, round.templateVersion, true);
  const indicators = useMemo(() => (tpl.template ? numericIndicators(tpl.template.schema) : []), [tpl.template]);
  const [picked, setPicked] = useState<string | undefined>();
  const pointer = picked ?? indicators[0]?.pointer;
  const root = progress.units.find((u) => u.unitId === round.rootUnitId);
  const sources = useQuery({
    queryKey: qk.sources(root?.submissionId ?? '', pointer ?? ''),
    queryFn: () => api.sources(root!.submissionId, pointer!),
    enabled: !!root && !!pointer,
  });
  const indicator = indicators.find((i) => i.pointer === pointer);
  const rows = (sources.data ?? []).filter((s) => typeof s.value === 'number').map((s) => ({ name: s.unitName, value: s.value as number }));
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>Chỉ tiêu theo đơn vị</h3>} extra={<span>Hạn cấp cơ sở: {formatDate(Object.values(round.deadlines)[0])}</span>}>
      {indicators.length === 0 ? (
        <Empty description="Biểu mẫu không có chỉ tiêu số." />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
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
