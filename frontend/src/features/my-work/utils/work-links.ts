import type { Task, WorkItem } from '../../../shared/api/types';

/** Where each kind of task is done. */
export function taskPath(item: Pick<WorkItem, 'id' | 'task'>): string {
  switch (item.task) {
    case 'review':
      return `/submissions/${item.id}/review`;
    case 'compile':
      return `/submissions/${item.id}/compile`;
    default:
      return `/submissions/${item.id}`;
  }
}

export const TASK_ORDER: Task[] = ['fill', 'approve', 'sign', 'review', 'compile'];

/** Late first, then by the nearest deadline; no deadline last. */
export function sortWork(items: readonly WorkItem[]): WorkItem[] {
  const key = (w: WorkItem) => (w.daysLeft === null || w.daysLeft === undefined ? Number.POSITIVE_INFINITY : w.daysLeft);
  return [...items].sort((a, b) => key(a) - key(b) || a.unitName.localeCompare(b.unitName, 'vi'));
}
