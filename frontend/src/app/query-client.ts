import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../shared/api/client';

/** Retries only what may succeed later (lost connection, 5xx); a refusal (4xx) is shown at once. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 3;
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
