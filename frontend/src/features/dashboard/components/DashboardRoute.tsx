/**
 * The "Tiến độ" route: asks the server for the level on screen while the dashboard's code (charts, table)
 * is still downloading, so that the answer and the code arrive together instead of one after the other.
 * Small on purpose: it is part of the app's shell, the page itself is its own chunk.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { lazyPage } from '../../../shared/ui/lazy-page';
import { progressQuery } from '../api/progress-query';
import { useDrillDown } from '../hooks/use-drill-down';

const DashboardPage = lazyPage(() => import('./DashboardPage'), 'DashboardPage');

export function DashboardRoute() {
  const { roundId } = useParams<{ roundId: string }>();
  const { params } = useDrillDown();
  const qc = useQueryClient();
  useEffect(() => {
    if (roundId) void qc.prefetchQuery(progressQuery(roundId, params));
  }, [qc, roundId, params]);
  return <DashboardPage />;
}
