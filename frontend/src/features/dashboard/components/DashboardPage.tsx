import { useNavigate, useParams } from 'react-router';
import { lazy, Suspense } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Empty, Progress, Select, Space, Typography } from 'antd';
import { api, qk } from '../../../shared/api/endpoints';
import type { RoundProgress } from '../../../shared/api/types';
import { formatDate, formatNumber, formatPercent, formatProgress } from '../../../shared/format/format';
import { useUnitKindLabel, useUnitKinds } from '../../../shared/hooks/use-unit-kinds';
import { QueryState } from '../../../shared/ui/QueryState';
import { StateTag } from '../../../shared/ui/StateTag';
import { hasRole, useSession } from '../../auth/hooks/use-session';
import { progressQuery } from '../api/progress-query';
import { useDrillDown } from '../hooks/use-drill-down';
import { donePercent, stateSummary } from '../utils/progress';
import { ChildrenTable } from './ChildrenTable';
import { LevelSummary } from './LevelSummary';

// The figure of one indicator needs the template's formulas (@bdg/schemas, ajv): its own chunk, after the table.
const IndicatorChart = lazy(() => import('./IndicatorChart').then((m) => ({ default: m.IndicatorChart })));

/**
 * Tiến độ đợt báo cáo, drilled down one level per click: the unit on screen (breadcrumbs up to where the
 * user stands), its subtree by level, and a page of its children with their own bars. Each answer is one
 * level from the server (aggregated in the database), so the page is as light for the ministry as for a xã.
 */
export function DashboardPage() {
  const { roundId } = useParams<{ roundId: string }>();
  const navigate = useNavigate();
  const drill = useDrillDown();
  const rounds = useQuery({ queryKey: qk.rounds, queryFn: api.rounds });
  // Asked alongside the rounds, so the levels are named as soon as the progress arrives.
  useUnitKinds();
  const selected = roundId ?? rounds.data?.[0]?.id;
  const progress = useQuery({
    ...progressQuery(selected ?? '', drill.params),
    enabled: !!selected,
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });
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
            options={(rounds.data ?? []).map((r) => ({ value: r.id, label: `${r.name} (${r.period})${r.status === 'opening' ? ' — đang mở' : ''}` }))}
            onChange={(v) => navigate(`/dashboard/${v}`)}
          />
        </label>
      </Space>
      <QueryState isLoading={rounds.isLoading || progress.isLoading} error={rounds.error ?? progress.error} onRetry={() => void progress.refetch()}>
        {() => (progress.data ? <ProgressView progress={progress.data} drill={drill} /> : <Empty description="Chưa có đợt báo cáo nào." />)}
      </QueryState>
    </section>
  );
}

function ProgressView({ progress, drill }: { progress: RoundProgress; drill: ReturnType<typeof useDrillDown> }) {
  const unitKindLabel = useUnitKindLabel();
  const { user } = useSession();
  const { node, totals, round } = progress;
  const reviewer = hasRole(user, 'reviewer');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {round.status === 'opening' && <Card>Đợt báo cáo đang được mở trong nền; số liệu sẽ hiện khi tạo xong hồ sơ các đơn vị.</Card>}
      <nav aria-label="Cấp đang xem">
        <Breadcrumb
          items={progress.breadcrumbs.map((b, i) => ({
            key: b.unitId,
            title:
              i < progress.breadcrumbs.length - 1 ? (
                <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => drill.openUnit(b.unitId)}>
                  {b.unitName}
                </Button>
              ) : (
                <span aria-current="page">{b.unitName}</span>
              ),
          }))}
        />
      </nav>
      <Card data-testid="node-card">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {node.unitName}
            </Typography.Title>
            <Typography.Text type="secondary">{unitKindLabel(node.kind)}</Typography.Text>
            {node.state && <StateTag state={node.state} label={node.stateLabel ?? node.state} tags={node.stateTags ?? undefined} />}
            {node.deadline && <span>Hạn nộp: {formatDate(node.deadline)}</span>}
          </Space>
          <Progress format={formatProgress} percent={donePercent(totals)} aria-label={`${node.unitName}: ${formatPercent(donePercent(totals))} đã nộp`} />
          <div>
            Toàn bộ: {formatNumber(totals.done)}/{formatNumber(totals.total)} đơn vị đã nộp ·{' '}
            <span className={totals.late ? 'bdg-flag' : undefined}>{formatNumber(totals.late)} trễ hạn</span>
          </div>
          <Typography.Text type="secondary">{stateSummary(totals.byState, progress.stateLabels, (n) => formatNumber(n))}</Typography.Text>
        </Space>
      </Card>
      <LevelSummary progress={progress} />
      <ChildrenTable progress={progress} drill={drill} canRemind={reviewer || hasRole(user, 'admin')} canReview={reviewer} />
      {/* Only a unit with a report of its own has a consolidated figure to trace (the ministry root has none). */}
      {node.submissionId && (
        <Suspense fallback={<Card loading />}>
          <IndicatorChart progress={progress} />
        </Suspense>
      )}
    </Space>
  );
}
