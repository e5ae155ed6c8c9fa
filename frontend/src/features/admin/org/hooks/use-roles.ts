import { useQuery } from '@tanstack/react-query';
import { roleLabels } from '@bdg/workflows';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';

/** The roles this admin may use: built in plus the province's own (GET /api/roles). */
export function useRoles() {
  return useQuery({ queryKey: adminKeys.all(adminKeys.roles), queryFn: adminApi.allRoles, staleTime: 60_000 });
}

/** Select options by Vietnamese label (the code stays in the stored value). Built-ins until the list arrives. */
export function useRoleOptions() {
  const roles = useRoles();
  const list = roles.data ?? Object.entries(roleLabels).map(([code, label]) => ({ code, label }));
  const labelOf = (code: string) => list.find((r) => r.code === code)?.label ?? code;
  return { options: list.map((r) => ({ value: r.code, label: r.label })), labelOf };
}
