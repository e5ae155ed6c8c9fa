import type { Page } from '@bdg/api-types';

/** A list route's answer (`{items, total, page, pageSize}`) holding these rows, as the server pages them. */
export function pageOf<T>(items: T[], over: Partial<Page<T>> = {}): Page<T> {
  return { items, total: items.length, page: 1, pageSize: 50, ...over };
}
