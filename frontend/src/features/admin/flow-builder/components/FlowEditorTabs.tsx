/** Below the graph: the lint findings, the simulated paths, the rounds that use the flow, and its JSON. */
import { Alert, List, Table, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import type { PlacedFinding, Selection } from '../hooks/use-flow-checks';
import { SimulationPanel, type LoopView, type PathView } from './SimulationPanel';

interface Props {
  targetCode: string;
  def: Record<string, unknown>;
  findings: PlacedFinding[];
  errorCount: number;
  paths: PathView[] | null;
  loops: LoopView[];
  onSelect: (s: Selection) => void;
}

export function FlowEditorTabs({ targetCode, def, findings, errorCount, paths, loops, onSelect }: Props) {
  return (
    <Tabs
      style={{ marginTop: 12 }}
      items={[
        { key: 'lint', label: `Kiểm tra (${errorCount} lỗi)`, children: <FindingList findings={findings} onSelect={onSelect} /> },
        {
          key: 'paths',
          label: 'Mô phỏng các đường đi',
          children: <SimulationPanel paths={paths} loops={loops} blocked={errorCount ? 'Sửa hết lỗi để xem các đường đi từ bắt đầu tới kết thúc.' : null} />,
        },
        { key: 'usage', label: 'Đợt báo cáo dùng quy trình này', children: <FlowUsage targetCode={targetCode} /> },
        {
          key: 'json',
          label: 'JSON',
          children: <pre style={{ maxHeight: 400, overflow: 'auto', fontSize: 12 }}>{JSON.stringify(def, null, 2)}</pre>,
        },
      ]}
    />
  );
}

function FindingList({ findings, onSelect }: { findings: PlacedFinding[]; onSelect: (s: Selection) => void }) {
  if (!findings.length) return <Alert type="success" showIcon message="Quy trình hợp lệ." data-testid="flow-lint" />;
  return (
    <List
      size="small"
      data-testid="flow-lint"
      dataSource={findings}
      renderItem={(f) => (
        <List.Item data-testid="flow-finding" style={{ cursor: 'pointer' }} onClick={() => onSelect(f.target)}>
          <Typography.Text type={f.severity === 'error' ? 'danger' : 'warning'}>{f.severity === 'error' ? 'Lỗi' : 'Cảnh báo'}</Typography.Text>
          <span style={{ flex: 1, marginLeft: 8 }}>{f.message}</span>
        </List.Item>
      )}
    />
  );
}

function FlowUsage({ targetCode }: { targetCode: string }) {
  const rounds = useQuery({ queryKey: adminKeys.all(adminKeys.rounds), queryFn: adminApi.allRounds });
  const usage = (rounds.data ?? []).flatMap((r) =>
    Object.entries(r.flows)
      .filter(([, c]) => c === targetCode)
      .map(([kind]) => ({ key: `${r.id}/${kind}`, round: r.name, period: r.period, kind })),
  );
  return (
    <Table
      size="small"
      loading={rounds.isLoading}
      dataSource={usage}
      pagination={false}
      locale={{ emptyText: 'Chưa đợt báo cáo nào dùng quy trình này.' }}
      columns={[
        { title: 'Đợt báo cáo', dataIndex: 'round' },
        { title: 'Kỳ', dataIndex: 'period' },
        { title: 'Loại đơn vị', dataIndex: 'kind' },
      ]}
    />
  );
}
