import { useQuery } from '@tanstack/react-query';
import { api, qk } from '../../../shared/api/endpoints';

export function useMyWork() {
  return useQuery({ queryKey: qk.myWork, queryFn: api.myWork, refetchInterval: 60_000 });
}
