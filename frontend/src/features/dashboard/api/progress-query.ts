/** One level of a round's progress, as a query: the page reads it, and its route asks for it early. */
import { api, qk, type ProgressParams } from '../../../shared/api/endpoints';

export const progressQuery = (roundId: string, params: ProgressParams) => ({
  queryKey: qk.progress(roundId, params),
  queryFn: () => api.roundProgress(roundId, params),
});
