import { useState } from 'react';
import { Alert, Checkbox, Modal, Table, Tag } from 'antd';
import type { CompilePreview } from '../../../shared/api/types';
import { formatNumber } from '../../../shared/format/format';

type Change = CompilePreview['changes'][number];

const show = (v: unknown) =>
  v === undefined || v === null || v === '' ? '(trống)' : typeof v === 'number' ? formatNumber(v) : typeof v === 'string' ? (v.length > 80 ? `${v.slice(0, 80)}…` : v) : 'bảng số liệu';

/**
 * Before a new COMPILE replaces anything: old → new per field with the units that moved it. Fields the unit
 * corrected by hand are kept unless ticked here.
 */
export function RecompileDialog({
  preview,
  label,
  busy,
  onConfirm,
  onCancel,
}: {
  preview: CompilePreview;
  label: string;
  busy: boolean;
  onConfirm: (overwrite: string[]) => void;
  onCancel: () => void;
}) {
  const [overwrite, setOverwrite] = useState<string[]>([]);
  const edited = preview.changes.filter((c) => c.edited);
  const toggle = (path: string, on: boolean) => setOverwrite((o) => (on ? [...o, path] : o.filter((p) => p !== path)));
  return (
    <Modal
      open
      width={860}
      title={`${label}: các thay đổi sẽ áp dụng`}
      okText={label}
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => onConfirm(overwrite)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <div data-testid="recompile-dialog">
        <p>
          Số liệu mới gồm {formatNumber(preview.coverage.included)}/{formatNumber(preview.coverage.expected)} đơn vị trực thuộc.{' '}
          {preview.changes.length === 0 ? 'Không có trường nào thay đổi.' : `${preview.changes.length} trường thay đổi.`}
        </p>
        {edited.length > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${edited.length} trường đơn vị đã tự sửa sẽ được giữ nguyên, trừ khi bạn đánh dấu “Thay bằng số liệu mới”.`}
          />
        )}
        {preview.changes.length > 0 && (
          <Table<Change>
            rowKey="path"
            size="small"
            pagination={preview.changes.length > 15 ? { pageSize: 15 } : false}
            dataSource={preview.changes}
            columns={[
              { title: 'Trường', dataIndex: 'title' },
              { title: 'Hiện tại', dataIndex: 'old', render: (v: unknown) => show(v) },
              { title: 'Tổng hợp mới', dataIndex: 'new', render: (v: unknown) => show(v) },
              {
                title: 'Do đơn vị',
                dataIndex: 'units',
                render: (u: Change['units']) => (u.length ? u.map((x) => x.unitName).join(', ') : '—'),
              },
              {
                title: 'Áp dụng',
                key: 'apply',
                render: (_: unknown, c) =>
                  c.edited ? (
                    <Checkbox checked={overwrite.includes(c.path)} onChange={(e) => toggle(c.path, e.target.checked)} data-testid={`overwrite-${c.path}`}>
                      <Tag color="gold">Đã tự sửa</Tag> Thay bằng số liệu mới
                    </Checkbox>
                  ) : (
                    'Thay'
                  ),
              },
            ]}
          />
        )}
      </div>
    </Modal>
  );
}
