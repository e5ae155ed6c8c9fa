import { HANDED_IN_TAGS } from '@bdg/workflows';

/**
 * "Done", "late" and "handed in" as SQL over a submission row aliased `s`: the same rules as `isDone`,
 * `isLate` and `isHandedInTags` in @bdg/workflows (tags.ts), for counts and lists computed in the database.
 */
export const doneSql = (s = 's') => `('done' = ANY(${s}.state_tags) OR ${s}.final)`;
export const lateSql = (s = 's', now = 'now()') => `(${s}.deadline IS NOT NULL AND ${s}.deadline < ${now} AND NOT ${handedInSql(s)})`;
/** The unit's own work has left its desk (HANDED_IN_TAGS), or the report is final. */
export const handedInSql = (s = 's') => `(${anyTagSql(HANDED_IN_TAGS, s)} OR ${s}.final)`;
/** Has any of these tags (the array literal is built from the workflows' vocabulary, never typed by hand). */
export const anyTagSql = (tags: readonly string[], s = 's') => `${s}.state_tags && '{${tags.join(',')}}'::text[]`;
