import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { errorMessage } from '../../../shared/api/client';
import type { ProgressChild, RoundProgress } from '../../../shared/api/types';
import { formatNumber } from '../../../shared/format/format';
import { type BulkAcceptResult, reviewApi, type ReviewSummary } from '../api/review-api';

/**
 * What a reviewer does on the list of children (issue #18): the summaries of the reports waiting for them,
 * the selection for bulk accept and its answer, and reminders to one unit or to every late one.
 */
export function useChildrenReview(progress: RoundProgress, canReview: boolean) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { units, node, round } = progress;
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
  const onError = (e: unknown) => void message.error(errorMessage(e));

  const remind = useMutation({
    mutationFn: (u: ProgressChild) => reviewApi.remind(u.submissionId!),
    onSuccess: (r) => void message.success(`Đã nhắc ${r.unitName} (${formatNumber(r.notified)} người nhận).`),
    onError,
  });
  const remindLate = useMutation({
    mutationFn: () => reviewApi.remindLate(round.id, node.unitId),
    onSuccess: (r) =>
      void message.info(
        `Đã nhắc ${formatNumber(r.reminded.length)} đơn vị trễ hạn` + (r.skipped.length ? `; ${formatNumber(r.skipped.length)} đơn vị đã được nhắc trong giờ qua.` : '.'),
      ),
    onError,
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
    onError,
  });

  const anyAcceptable = (summaries.data ?? []).some((s) => s.bulkAcceptable);
  return { selected, setSelected, result, clearResult: () => setResult(null), bySubmission, anyAcceptable, remind, remindLate, accept };
}
