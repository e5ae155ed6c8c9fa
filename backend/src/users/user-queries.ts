/**
 * The users module's SQL over `app_user`, as fragments for statements another module composes (a
 * notification written in the same statement as the question who receives it: one round trip). The
 * text of every query on `app_user` stays here, with the table's owner.
 */
export const userQueries = {
  /** The active users: `id, username, full_name, unit_id, roles` (a subquery PostgreSQL flattens; join it under an alias). */
  active: `(SELECT id, username, full_name, unit_id, roles FROM app_user WHERE active)`,
  /** Every user, active or not (who did something recorded): `id, username, full_name, unit_id, active`. */
  all: `(SELECT id, username, full_name, unit_id, active FROM app_user)`,
  /** Active holders of role `role` in unit `unitId`, except `exceptId` (all three are SQL expressions). */
  activeHolders: (unitId: string, role: string, exceptId: string) =>
    `SELECT id FROM app_user WHERE unit_id = ${unitId} AND ${role} = ANY(roles) AND active AND id <> ${exceptId}`,
  /** Moves every user of unit `from` to unit `to` (a merge; both are SQL expressions), in the caller's statement list. */
  moveUnit: (from: string, to: string) => `UPDATE app_user SET unit_id = ${to} WHERE unit_id = ${from}`,
  /** Users who have an e-mail address. */
  withEmail: () => `SELECT id FROM app_user WHERE email IS NOT NULL AND email <> ''`,
  /** Where to write to a user, and the name to greet them by (`user` is an SQL expression). */
  contact: (user: string) => `SELECT email, full_name AS "fullName" FROM app_user WHERE id = ${user}`,
  /** A person's signature image (signing/appearance keeps it beside the user): `id, unit_id, image`. */
  signatureImages: `(SELECT id, unit_id, signature_image AS image FROM app_user)`,
  /** Sets (or clears) user `id`'s signature image (both are SQL expressions). */
  setSignatureImage: (id: string, image: string) => `UPDATE app_user SET signature_image = ${image} WHERE id = ${id}`,
} as const;
