import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Empty, Table, Tabs } from 'antd';
import type { Task, WorkItem } from '../../../shared/api/types';
import { TASK_LABELS } from '../../../shared/format/format';
import { QueryState } from '../../../shared/ui/QueryState';
import { useMyWork } from '../hooks/use-my-work';
import { sortWork, TASK_ORDER, taskPath } from '../utils/work-links';
import { todoColumns } from './todo-columns';

/** What waits for me, by task (tabs counted by the server over the whole list), one page at a time. */
export function TodoTable({ q }: { q: string }) {
  const navigate = useNavigate();
  const [tab, setTab] = useState<'all' | Task>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = useMyWork({ page, pageSize, q, task: tab === 'all' ? undefined : tab });
  // Late first, then the nearest deadline, within the page the server sent in that order.
  const items = useMemo(() => sortWork(query.data?.items ?? []), [query.data]);
  const counts = query.data?.taskCounts ?? {};
  const all = Object.values(counts).reduce((a, n) => a + (n ?? 0), 0);
  const columns = todoColumns((w) => navigate(taskPath(w)));
  return (
    <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()}>
      {() =>
        all === 0 && !q ? (
          <Empty description="Không có việc nào đang chờ bạn." />
        ) : (
          <>
            <Tabs
              activeKey={tab}
              onChange={(k) => {
                setTab(k as 'all' | Task);
                setPage(1);
              }}
              items={[
                { key: 'all', label: `Tất cả (${all})` },
                ...TASK_ORDER.filter((t) => counts[t]).map((t) => ({ key: t, label: `${TASK_LABELS[t]} (${counts[t]})` })),
              ]}
            />
            <Table<WorkItem>
              rowKey={(w) => `${w.id}-${w.task}`}
              // stacked into cards on phones (app.css)
              className="bdg-cards"
              columns={columns}
              dataSource={items}
              loading={query.isFetching}
              pagination={{
                current: page,
                pageSize,
                total: query.data?.total ?? 0,
                hideOnSinglePage: true,
                showSizeChanger: true,
                pageSizeOptions: [20, 50, 100],
                onChange: (p, ps) => {
                  setPage(ps !== pageSize ? 1 : p);
                  setPageSize(ps);
                },
              }}
              locale={{ emptyText: 'Không có việc nào khớp với từ khoá.' }}
              data-testid="my-work-table"
            />
          </>
        )
      }
    </QueryState>
  );
}
