/**
 * Unit kinds with their Vietnamese labels (data on the server): the top admin names them; everyone sees the names
 * in the header, dashboards and messages. Kinds are shared by every province, so the server refuses other admins.
 */
import { Alert, App, AutoComplete, Button, Card, Input, Space, Table, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../../../../shared/api/client';
import { qk } from '../../../../shared/api/endpoints';
import type { UnitKind } from '../../../../shared/api/types';
import { useUnitKindLabel, useUnitKinds } from '../../../../shared/hooks/use-unit-kinds';
import { describeError } from '../../components/errors';

export function UnitKindsCard() {
  const kinds = useUnitKinds();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ code: string; label: string } | null>(null);
  const save = useMutation({
    mutationFn: (v: { code: string; label: string }) =>
      apiFetch<UnitKind>(`/api/unit-kinds/${encodeURIComponent(v.code)}`, { method: 'PUT', json: { label: v.label.trim() } }),
    onSuccess: (k) => {
      void qc.invalidateQueries({ queryKey: qk.unitKinds });
      message.success(`Đã đặt tên loại đơn vị «${k.label}»`);
      setEditing(null);
    },
  });
  return (
    <Card size="small" title="Loại đơn vị" style={{ marginTop: 16 }} data-testid="unit-kinds">
      <Typography.Paragraph type="secondary">
        Tên tiếng Việt của từng loại đơn vị, dùng chung cho mọi tỉnh (chỉ quản trị viên cấp cao nhất được sửa).
      </Typography.Paragraph>
      {(kinds.error || save.error) && <Alert type="error" showIcon role="alert" title={describeError(kinds.error ?? save.error)} style={{ marginBottom: 8 }} />}
      <Table<UnitKind>
        rowKey="code"
        size="small"
        loading={kinds.isLoading}
        dataSource={kinds.data ?? []}
        pagination={false}
        columns={[
          {
            title: 'Tên loại đơn vị',
            render: (_, k) =>
              editing?.code === k.code ? (
                <Space.Compact>
                  <Input aria-label={`Tên của loại ${k.code}`} value={editing.label} onChange={(e) => setEditing({ code: k.code, label: e.target.value })} />
                  <Button type="primary" loading={save.isPending} disabled={!editing.label.trim()} onClick={() => save.mutate(editing)}>
                    Lưu
                  </Button>
                  <Button onClick={() => setEditing(null)}>Hủy</Button>
                </Space.Compact>
              ) : (
                <Space>
                  {k.label}
                  <Button size="small" type="link" onClick={() => setEditing({ code: k.code, label: k.label })} aria-label={`Đổi tên ${k.label}`}>
                    Đổi tên
                  </Button>
                </Space>
              ),
          },
          { title: 'Số đơn vị', dataIndex: 'units' },
          { title: 'Mã (nâng cao)', dataIndex: 'code', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
        ]}
      />
    </Card>
  );
}

/** The unit's kind, picked by its Vietnamese label; a new kind may still be typed as a code (then named on Vai trò). */
export function KindInput(props: { value?: string; onChange?: (v: string) => void }) {
  const kinds = useUnitKinds();
  return (
    <AutoComplete
      {...props}
      aria-label="Loại đơn vị"
      placeholder="Chọn loại đơn vị"
      options={(kinds.data ?? []).map((k) => ({ value: k.code, label: `${k.label}` }))}
      filterOption={(input, opt) => `${opt?.label ?? ''} ${opt?.value ?? ''}`.toLowerCase().includes(input.toLowerCase())}
    />
  );
}

/** A kind's Vietnamese label where the org screen shows a unit's kind. */
export function KindLabel({ kind }: { kind: string }) {
  return <>{useUnitKindLabel()(kind)}</>;
}
