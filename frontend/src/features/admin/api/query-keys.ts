export const adminKeys = {
  templates: ['admin', 'templates'] as const,
  templateVersions: (code: string) => ['admin', 'templates', code, 'versions'] as const,
  templateVersion: (code: string, version: number) =>
    ['admin', 'templates', code, 'versions', version] as const,
  flows: ['admin', 'flows'] as const,
  flowVersion: (code: string, version: number) => ['admin', 'flows', code, version] as const,
  rounds: ['admin', 'rounds'] as const,
  regimes: ['admin', 'regimes'] as const,
  regimePreview: (code: string) => ['admin', 'regimes', code, 'preview'] as const,
  orgUnits: (parentId: string | null, q?: string) => ['admin', 'org-units', parentId, q ?? ''] as const,
  orgUnitsAll: ['admin', 'org-units'] as const,
  users: ['admin', 'users'] as const,
  roles: ['admin', 'roles'] as const,
  /** A whole small catalogue for a picker, beside the paged table's pages under the same prefix. */
  all: (key: readonly string[]) => [...key, 'all'] as const,
};
