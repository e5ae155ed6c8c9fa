import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { tokenStore } from '../../../shared/api/client';
import { api, qk } from '../../../shared/api/endpoints';
import type { User } from '../../../shared/api/types';

/** The signed-in user (GET /api/me), or null when there is no token. */
export function useSession() {
  const hasToken = !!tokenStore.get();
  const q = useQuery({ queryKey: qk.me, queryFn: api.me, enabled: hasToken, staleTime: 5 * 60_000, retry: (n, e) => (e as { status?: number }).status === 0 && n < 3 });
  return { user: hasToken ? (q.data ?? null) : null, isLoading: hasToken && q.isLoading, error: q.error, hasToken };
}

export function hasRole(user: User | null | undefined, role: string): boolean {
  return !!user?.roles.includes(role);
}

/**
 * Signs out on the server first (POST /api/auth/logout revokes the token everywhere), then forgets it
 * here. Offline or already revoked, the local sign-out still happens.
 */
export function useSignOut() {
  const qc = useQueryClient();
  return useCallback(async () => {
    if (tokenStore.get()) await api.logout().catch(() => undefined);
    tokenStore.clear();
    qc.clear();
  }, [qc]);
}
