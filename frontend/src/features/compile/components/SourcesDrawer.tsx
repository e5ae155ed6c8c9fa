import { useQuery } from '@tanstack/react-query';
import { Drawer, Table, Typography } from 'antd';
import { api, qk } from '../../../shared/api/endpoints';
import type { SourceValue } from '../../../shared/api/types';
import { formatValue } from '../../../shared/format/format';
import { QueryState } from '../../../shared/ui/QueryState';

/** Which units and values made one consolidated figure (GET /sources?path=). */
export function SourcesDrawer({
  submissionId,
  path,
  title,
  value,
  unit,
  onClose,
}: {
  submissionId: string;
  path: string | null;
  title: string;
  value: unknown;
  /** The field's unit: "45,7 %". */
  unit?: string;
  onClose: () => void;
}) {
  const q = useQuery({ queryKey: qk.sources(submissionId, path ?? ''), queryFn: () => api.sources(submissionId, path!), enabled: !!path });
  return (
    <Drawer open={!!path} onClose={onClose} title={`Nguồn số liệu: ${title}`} size="large" data-testid="sources-drawer">
      <Typography.Paragraph>
        Giá trị tổng hợp: <strong>{formatValue(value, unit)}</strong>
      </Typography.Paragraph>
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {() => (
          <Table<SourceValue>
            size="small"
            rowKey="unitId"
            pagination={false}
            dataSource={q.data ?? []}
            locale={{ emptyText: 'Không có đơn vị nào đóng góp vào số liệu này.' }}
            columns={[
              { title: 'Mã', dataIndex: 'unitCode', width: 100 },
              { title: 'Đơn vị', dataIndex: 'unitName' },
              { title: 'Giá trị', dataIndex: 'value', align: 'right', render: (v: unknown) => formatValue(v, unit) },
            ]}
          />
        )}
      </QueryState>
    </Drawer>
  );
}
