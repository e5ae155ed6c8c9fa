import { HANDED_IN_TAGS, isStatusTag, type StatusTag } from '@bdg/workflows';

/**
 * "Done", "late" and "handed in" as SQL over a submission row aliased `s`: the same rules as `isDone`,
 * `isLate` and `isHandedInTags` in @bdg/workflows (tags.ts), for counts and lists computed in the database.
 */
export const doneSql = (s = 's') => `('done' = ANY(${s}.state_tags) OR ${s}.final)`;
export const lateSql = (s = 's', now = 'now()') => `(${s}.deadline IS NOT NULL AND ${s}.deadline < ${now} AND NOT ${handedInSql(s)})`;
/** The unit's own work has left its desk (HANDED_IN_TAGS), or the report is final. */
export const handedInSql = (s = 's') => `(${anyTagSql(HANDED_IN_TAGS, s)} OR ${s}.final)`;
/**
 * Has any of these tags. The array literal is written into the SQL, so only the workflows' own status tags are
 * taken (typed, and checked at run time): nothing a request sends can reach it.
 */
export function anyTagSql(tags: readonly StatusTag[], s = 's'): string {
  const unknown = tags.filter((t) => !isStatusTag(t));
  if (unknown.length) throw new Error(`anyTagSql: not status tags: ${unknown.join(', ')}`);
  return `${s}.state_tags && '{${tags.join(',')}}'::text[]`;
}
