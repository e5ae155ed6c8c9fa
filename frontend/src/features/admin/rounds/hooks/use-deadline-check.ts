import { useQuery } from '@tanstack/react-query';
import { adminApi } from '../../api/admin-api';
import { deadlinesOf, flowsOf, type RoundDraft } from '../utils/round-payload';

/**
 * What opening the round would refuse or warn of about its deadlines (the server's regimes check:
 * levels in order, one working day after the cut-off, days off), asked while the admin fills the wizard.
 */
export function useDeadlineCheck(draft: RoundDraft, enabled: boolean) {
  const flows = flowsOf(draft.rows);
  const deadlines = deadlinesOf(draft.rows);
  const ready = enabled && !!draft.rootUnitId && !!draft.period?.trim() && Object.keys(deadlines).length > 0;
  return useQuery({
    queryKey: ['admin', 'round-deadline-check', draft.rootUnitId, draft.period?.trim(), flows, deadlines],
    queryFn: () => adminApi.checkRoundDeadlines({ rootUnitId: draft.rootUnitId!, period: draft.period!.trim(), flows, deadlines }),
    enabled: ready,
  });
}
