/** The templates module's read model for other modules' statements (flattened by PostgreSQL: no extra round trip). */
export const templateQueries = {
  /** Template versions: `id, code, version, title` (join it under an alias). */
  versions: `(SELECT id, code, version, title FROM template_version)`,
} as const;
