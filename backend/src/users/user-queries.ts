/**
 * The users module's SQL over `app_user`, as fragments for statements another module composes (a
 * notification written in the same statement as the question who receives it: one round trip). The
 * text of every query on `app_user` stays here, with the table's owner.
 */
export const userQueries = {
  /** Active holders of role `role` in unit `unitId`, except `exceptId` (all three are SQL expressions). */
  activeHolders: (unitId: string, role: string, exceptId: string) =>
    `SELECT id FROM app_user WHERE unit_id = ${unitId} AND ${role} = ANY(roles) AND active AND id <> ${exceptId}`,
  /** Users who have an e-mail address. */
  withEmail: () => `SELECT id FROM app_user WHERE email IS NOT NULL AND email <> ''`,
  /** Where to write to a user, and the name to greet them by (`user` is an SQL expression). */
  contact: (user: string) => `SELECT email, full_name AS "fullName" FROM app_user WHERE id = ${user}`,
} as const;
