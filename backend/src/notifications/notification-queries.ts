/**
 * The notifications module's SQL fragments for a writer that decides who is told what in the same
 * statement (a reminder, a round's opening): the text of every write to `notification` stays here.
 */
export const notificationQueries = {
  /**
   * Inserts the rows `rows` selects — columns `user_id, kind, message, submission_id, dedupe_key`, in that
   * order — once per dedupe key, and returns each new row's `id, kind`.
   */
  insertOnce: (rows: string) =>
    `INSERT INTO notification (user_id, kind, message, submission_id, dedupe_key) ${rows}
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, kind`,
  /** Inserts the rows `rows` selects (`user_id, kind, message, submission_id`) and returns their `id`. */
  insert: (rows: string) => `INSERT INTO notification (user_id, kind, message, submission_id) ${rows} RETURNING id`,
} as const;
