/**
 * "Done" and "late" as SQL over a submission row aliased `s`: the same rules as `isDone` and `isLate`
 * in @bdg/workflows (tags.ts), for counts and lists computed in the database.
 */
export const doneSql = (s = 's') => `('done' = ANY(${s}.state_tags) OR ${s}.final)`;
export const lateSql = (s = 's', now = 'now()') => `(${s}.deadline IS NOT NULL AND ${s}.deadline < ${now} AND NOT ${s}.locked AND NOT ${s}.final)`;
