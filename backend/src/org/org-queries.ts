/**
 * The org module's read model for statements another module composes (a submission list filtered by
 * subtree, a reminder naming its unit): the `org_unit` columns others may read, as a subquery that
 * PostgreSQL flattens into the caller's statement — no extra round trip, the indexes still apply. The
 * text of every query on `org_unit` stays here, with the table's owner (docs/architecture.md).
 */
export const orgQueries = {
  /** Units: `id, code, name, kind, path, parent_id, merged_into_id, active` (join it under an alias). */
  units: `(SELECT id, code, name, kind, path, parent_id, merged_into_id, active FROM org_unit)`,
  /** The search key of a unit aliased `o`: the same expression as the index org_unit_search (migration SearchIndexes). */
  searchKey: (o: string) => `bdg_fold(${o}.name || ' ' || ${o}.code)`,
  /** A unit's seal image (signing/appearance keeps it beside the unit): `id, path, image`. */
  sealImages: `(SELECT id, path, seal_image AS image FROM org_unit)`,
  /** Sets (or clears) unit `id`'s seal image (both are SQL expressions). */
  setSealImage: (id: string, image: string) => `UPDATE org_unit SET seal_image = ${image} WHERE id = ${id}`,
} as const;
