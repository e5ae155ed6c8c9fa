/** Pick an org unit from a lazily loaded tree (GET /api/org-units?parentId=). */
import { TreeSelect } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { adminApi } from '../api/admin-api';
import type { OrgUnit } from '../api/types';

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
  unit: OrgUnit;
}

function toNode(u: OrgUnit, pId: string | null): Node {
  return { id: u.id, pId, value: u.id, title: `${u.name} (${u.kind})`, isLeaf: u.childCount === 0, unit: u };
}

export interface OrgUnitTreeSelectProps {
  value?: string | null;
  onChange?: (id: string, unit: OrgUnit | undefined) => void;
  placeholder?: string;
  /** Units that cannot be chosen (e.g. the unit being moved). */
  disabledIds?: string[];
  'data-testid'?: string;
  id?: string;
}

export function OrgUnitTreeSelect(props: OrgUnitTreeSelectProps) {
  const [nodes, setNodes] = useState<Node[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    adminApi
      .listOrgUnits({})
      .then(({ items: units }) => {
        if (live) setNodes(units.filter((u) => !u.mergedIntoId).map((u) => toNode(u, null)));
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, []);

  const loadData = async ({ id }: { id?: string | number }) => {
    if (!id || nodes.some((n) => n.pId === id)) return;
    const children = await adminApi.orgUnitChildren(String(id));
    setNodes((prev) => {
      const known = new Set(prev.map((n) => n.id));
      return [
        ...prev,
        ...children.filter((c) => !known.has(c.id) && !c.mergedIntoId).map((c) => toNode(c, String(id))),
      ];
    });
  };

  // Search asks the server (the whole subtree), not only the branches already opened.
  const searchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (searchTimer.current) clearTimeout(searchTimer.current);
    },
    [],
  );
  const search = (q: string) => {
    if (searchTimer.current) clearTimeout(searchTimer.current);
    if (q.trim().length < 2) return;
    searchTimer.current = setTimeout(() => {
      void adminApi
        .listOrgUnits({ q: q.trim() })
        .then(({ items: found }) =>
          setNodes((prev) => {
            const known = new Set(prev.map((n) => n.id));
            const added = found
              .filter((u) => !known.has(u.id) && !u.mergedIntoId)
              .map((u) => toNode(u, u.parentId && known.has(u.parentId) ? u.parentId : null));
            return added.length ? [...prev, ...added] : prev;
          }),
        )
        .catch(() => undefined);
    }, 300);
  };

  const disabled = new Set(props.disabledIds ?? []);
  return (
    <TreeSelect
      id={props.id}
      data-testid={props['data-testid']}
      style={{ width: '100%' }}
      treeDataSimpleMode
      treeData={nodes.map((n) => ({ ...n, disabled: disabled.has(n.id) }))}
      loadData={(node) => loadData({ id: (node as unknown as { id?: string }).id })}
      value={props.value ?? undefined}
      onChange={(v: string) => props.onChange?.(v, nodes.find((n) => n.id === v)?.unit)}
      placeholder={error ? `Không tải được cây đơn vị: ${error}` : (props.placeholder ?? 'Chọn đơn vị')}
      status={error ? 'error' : undefined}
      showSearch
      onSearch={search}
      treeNodeFilterProp="title"
      allowClear
    />
  );
}
