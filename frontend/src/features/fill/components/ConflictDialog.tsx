import { useMemo } from 'react';
import { Button, Modal, Table, Typography } from 'antd';
import type { JsonObject, Submission } from '../../../shared/api/types';
import { formatDateTime, formatNumber } from '../../../shared/format/format';
import { diffData, type FieldChange } from '../../../shared/utils/data-diff';

export function displayValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '(trống)';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (Array.isArray(v)) return v.map(displayValue).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** 409: someone saved in between. Shows what differs; the user keeps theirs or takes the server's. */
export function ConflictDialog({
  mine,
  server,
  titleOf,
  onKeepMine,
  onTakeServer,
}: {
  mine: JsonObject;
  server: Submission;
  titleOf: (pointer: string) => string;
  onKeepMine: () => void;
  onTakeServer: () => void;
}) {
  const changes = useMemo(() => diffData(server.data ?? {}, mine, titleOf), [server, mine, titleOf]);
  return (
    <Modal
      open
      title="Biểu mẫu đã được người khác cập nhật"
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      width={760}
      style={{ maxWidth: 'calc(100vw - 16px)' }}
      footer={[
        <Button key="server" onClick={onTakeServer} data-testid="conflict-take-server">
          Lấy bản trên máy chủ
        </Button>,
        <Button key="mine" type="primary" onClick={onKeepMine} data-testid="conflict-keep-mine">
          Giữ bản của tôi
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        Trong lúc bạn nhập, bản trên máy chủ đã thay đổi (cập nhật lúc {formatDateTime(server.updatedAt)}). Các trường khác nhau:
      </Typography.Paragraph>
      <Table<FieldChange>
        size="small"
        rowKey="path"
        pagination={changes.length > 10 ? { pageSize: 10 } : false}
        dataSource={changes}
        locale={{ emptyText: 'Không có khác biệt về nội dung.' }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: 'Trường', dataIndex: 'title' },
          { title: 'Trên máy chủ', dataIndex: 'before', render: displayValue },
          { title: 'Của tôi', dataIndex: 'after', render: displayValue },
        ]}
        data-testid="conflict-diff"
      />
    </Modal>
  );
}
