/** Unit kinds' Vietnamese labels, read from the server (they are data there): "Trường THCS", never `truong_thcs`. */
import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, qk } from '../api/endpoints';

export function useUnitKinds() {
  return useQuery({ queryKey: qk.unitKinds, queryFn: api.unitKinds, staleTime: 10 * 60_000 });
}

/** kind → its label; a kind the server does not know (or while loading) reads as its code. */
export function useUnitKindLabel(): (kind: string) => string {
  const { data } = useUnitKinds();
  return useCallback((kind: string) => data?.find((k) => k.code === kind)?.label ?? kind, [data]);
}
