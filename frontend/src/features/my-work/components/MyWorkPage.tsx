import { useState } from 'react';
import { Tabs, Typography } from 'antd';
import type { WorkList } from '../../../shared/api/types';
import { SearchBox } from '../../../shared/paging/SearchBox';
import { useDebounced } from '../../../shared/paging/use-debounced';
import { HandedInTable } from './HandedInTable';
import { TodoTable } from './TodoTable';

/**
 * Việc cần làm: what waits for me, by role (to fill, sign, review, compile); beside it "Đã gửi" (handed in,
 * waiting at the level above) and "Đã xong" — classified by the server from the state tags, paged and searched there.
 */
export function MyWorkPage() {
  const [list, setList] = useState<WorkList>('todo');
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  return (
    <section aria-labelledby="my-work-title">
      <Typography.Title level={2} id="my-work-title">
        Việc cần làm
      </Typography.Title>
      <SearchBox value={text} onChange={setText} placeholder="Tìm theo tên hoặc mã đơn vị (không cần dấu)" testId="my-work-search" />
      <Tabs
        activeKey={list}
        onChange={(k) => setList(k as WorkList)}
        data-testid="work-lists"
        items={[
          { key: 'todo', label: 'Việc cần làm', children: list === 'todo' ? <TodoTable key={q} q={q} /> : null },
          { key: 'sent', label: 'Đã gửi', children: list === 'sent' ? <HandedInTable key={q} list="sent" q={q} /> : null },
          { key: 'done', label: 'Đã xong', children: list === 'done' ? <HandedInTable key={q} list="done" q={q} /> : null },
        ]}
      />
    </section>
  );
}
