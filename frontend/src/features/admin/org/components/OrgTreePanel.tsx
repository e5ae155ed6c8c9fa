/** The left of the org page: the tree, loaded a level at a time, or the server's search over the whole subtree. */
import { ApartmentOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Input, List, Tag, Tree, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useDebounced } from '../../../../shared/paging/use-debounced';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import type { OrgUnit } from '../../api/types';
import { describeError } from '../../components/errors';
import { KindLabel } from './UnitKindsCard';

const SEARCH_PAGE = 20;

interface TreeItem {
  key: string;
  title: string;
  isLeaf: boolean;
  children?: TreeItem[];
  unit: OrgUnit;
}

function item(u: OrgUnit): TreeItem {
  return { key: u.id, title: `${u.name} · ${u.kind}`, isLeaf: u.childCount === 0, unit: u };
}

function setChildren(list: TreeItem[], key: string, children: TreeItem[]): TreeItem[] {
  return list.map((n) => (n.key === key ? { ...n, children } : n.children ? { ...n, children: setChildren(n.children, key, children) } : n));
}

interface Props {
  /** Bumped after a change: the tree loads again from the top. */
  reload: number;
  selected: OrgUnit | null;
  onSelect: (u: OrgUnit) => void;
}

export function OrgTreePanel({ reload, selected, onSelect }: Props) {
  const [tree, setTree] = useState<TreeItem[]>([]);
  const [treeError, setTreeError] = useState<string | null>(null);
  const [q, setQ] = useState('');

  useEffect(() => {
    adminApi
      .listOrgUnits({})
      .then(({ items }) => setTree(items.map(item)))
      .catch((e) => setTreeError(describeError(e)));
  }, [reload]);

  const loadData = async (node: { key: React.Key; children?: unknown[] }) => {
    if (node.children) return;
    const children = await adminApi.orgUnitChildren(String(node.key));
    setTree((t) => setChildren(t, String(node.key), children.map(item)));
  };

  return (
    <>
      <Input.Search
        aria-label="Tìm đơn vị"
        data-testid="org-search"
        placeholder="Tìm theo tên hoặc mã (ít nhất 2 ký tự)"
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      {treeError && <Alert type="error" showIcon message={`Không tải được cây đơn vị: ${treeError}`} />}
      {q.trim().length >= 2 ? (
        <SearchResults q={q.trim()} onSelect={onSelect} />
      ) : (
        <Tree
          key={reload}
          data-testid="org-tree"
          showIcon
          icon={<ApartmentOutlined />}
          treeData={tree}
          titleRender={(n) => (
            <>
              {(n as TreeItem).unit.name} · <KindLabel kind={(n as TreeItem).unit.kind} />
            </>
          )}
          loadData={loadData}
          selectedKeys={selected ? [selected.id] : []}
          onSelect={(_, info) => onSelect((info.node as unknown as TreeItem).unit)}
        />
      )}
    </>
  );
}

/** Searched on the server over the whole subtree, without accents, a page at a time (page 1 again for new words). */
function SearchResults({ q, onSelect }: { q: string; onSelect: (u: OrgUnit) => void }) {
  const needle = useDebounced(q);
  const [page, setPage] = useState({ needle, page: 1 });
  const current = page.needle === needle ? page.page : 1;
  const search = useQuery({
    queryKey: [...adminKeys.orgUnits(null, needle), current],
    queryFn: () => adminApi.listOrgUnits({ q: needle, page: current, pageSize: SEARCH_PAGE }),
    enabled: needle.length >= 2,
    placeholderData: keepPreviousData,
  });
  const total = search.data?.total ?? 0;
  return (
    <List
      size="small"
      bordered
      loading={search.isLoading}
      dataSource={search.data?.items ?? []}
      pagination={total > SEARCH_PAGE && { current, pageSize: SEARCH_PAGE, total, onChange: (p) => setPage({ needle, page: p }), size: 'small' }}
      locale={{ emptyText: 'Không có đơn vị nào khớp.' }}
      renderItem={(u) => (
        <List.Item style={{ cursor: 'pointer' }} onClick={() => onSelect(u)} data-testid={`org-result-${u.code}`}>
          <span>
            {u.name} <Tag><KindLabel kind={u.kind} /></Tag> <Typography.Text type="secondary">{u.code}</Typography.Text>
            {u.mergedIntoId && <Tag color="default">đã gộp</Tag>}
          </span>
        </List.Item>
      )}
    />
  );
}
