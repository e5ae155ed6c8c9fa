/**
 * The submissions module's SQL fragments for statements another module composes (a merge preview, a
 * reminder): the text of every query on `submission` stays here, with the table's owner.
 */
export const submissionQueries = {
  /** How many submissions a unit has, as a scalar subquery (`unit` is an SQL expression). */
  countForUnit: (unit: string) => `(SELECT count(*)::int FROM submission WHERE unit_id = ${unit})`,
  /**
   * The submissions read model for other modules' statements (reminders, escalation, a round's opening
   * notice, a round's progress): `id, unit_id, parent_unit_id, round_id, flow_version_id, state, state_tags,
   * deadline, final, locked, compiled, signature` (a subquery PostgreSQL flattens; join it under an alias).
   */
  rows: `(SELECT id, unit_id, parent_unit_id, round_id, flow_version_id, state, state_tags, deadline, final, locked, compiled, signature FROM submission)`,
  /** A submission's `locked, final` under its row lock (an upload waits for a transition in progress). */
  lockState: (id: string) => `SELECT locked, final FROM submission WHERE id = ${id} FOR UPDATE`,
} as const;
