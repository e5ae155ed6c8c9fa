import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { adminApi } from '../../api/admin-api';
import type { OrgUnit } from '../../api/types';
import { suggestFlow, type RoundDraft } from '../utils/round-payload';

type TreeUnit = OrgUnit & { children?: TreeUnit[] };

function countKinds(t: TreeUnit, acc = new Map<string, number>()): Map<string, number> {
  if (!t.mergedIntoId) acc.set(t.kind, (acc.get(t.kind) ?? 0) + 1);
  for (const c of t.children ?? []) countKinds(c, acc);
  return acc;
}

/** How many units of each kind the subtree holds: from its whole tree, or (when that is refused) its first level. */
async function kindsBelow(root: string, rootUnit: OrgUnit | undefined): Promise<Map<string, number>> {
  try {
    return countKinds((await adminApi.getOrgUnitTree(root)) as TreeUnit);
  } catch {
    const children = await adminApi.orgUnitChildren(root);
    const m = new Map<string, number>();
    if (rootUnit) m.set(rootUnit.kind, 1);
    for (const c of children) m.set(c.kind, (m.get(c.kind) ?? 0) + 1);
    return m;
  }
}

/**
 * The unit kinds present in the chosen subtree, counted; each becomes a row of the draft (kept if it was
 * there already), with a suggested flow from the published ones.
 */
export function useRoundKinds(
  draft: RoundDraft,
  setDraft: Dispatch<SetStateAction<RoundDraft>>,
  rootUnit: OrgUnit | undefined,
  flowCodes: string[],
  flowsLoaded: unknown,
) {
  const [kindCounts, setKindCounts] = useState<Map<string, number> | null>(null);
  const [loadingKinds, setLoadingKinds] = useState(false);
  useEffect(() => {
    if (!draft.rootUnitId) return;
    let live = true;
    setLoadingKinds(true);
    kindsBelow(draft.rootUnitId, rootUnit)
      .then((m) => {
        if (!live) return;
        setKindCounts(m);
        setDraft((d) => ({
          ...d,
          rows: [...m.keys()].map((kind) => d.rows.find((r) => r.kind === kind) ?? { kind, flowCode: suggestFlow(kind, flowCodes) }),
        }));
      })
      .catch(() => live && setKindCounts(new Map()))
      .finally(() => live && setLoadingKinds(false));
    return () => {
      live = false;
    };
    // The same dependencies as ever: a new root, or the flows loaded (for the suggestions).
  }, [draft.rootUnitId, flowsLoaded]);
  return { kindCounts, loadingKinds };
}
