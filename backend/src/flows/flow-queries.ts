/** The flows module's read model for other modules' statements (flattened by PostgreSQL: no extra round trip). */
export const flowQueries = {
  /** Flow versions: `id, code, version` (join it under an alias). */
  versions: `(SELECT id, code, version FROM flow_version)`,
} as const;
