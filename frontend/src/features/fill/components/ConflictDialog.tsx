import { useMemo } from 'react';
import { Button, Modal, Typography } from 'antd';
import type { JsonObject, Submission } from '../../../shared/api/types';
import { formatDateTime } from '../../../shared/format/format';
import { FieldChangesTable } from '../../../shared/submission/FieldChangesTable';
import { diffData } from '../../../shared/utils/data-diff';

/** 409: someone saved in between. Shows what differs; the user keeps theirs or takes the server's. */
export function ConflictDialog({
  mine,
  server,
  titleOf,
  unitOf,
  onKeepMine,
  onTakeServer,
}: {
  mine: JsonObject;
  server: Submission;
  titleOf: (pointer: string) => string;
  unitOf?: (pointer: string) => string | undefined;
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
      <FieldChangesTable
        changes={changes}
        beforeLabel="Trên máy chủ"
        afterLabel="Của tôi"
        unitOf={unitOf}
        emptyText="Không có khác biệt về nội dung."
        pagination={changes.length > 10 ? { pageSize: 10 } : false}
        testId="conflict-diff"
      />
    </Modal>
  );
}
