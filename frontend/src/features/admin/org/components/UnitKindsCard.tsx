/**
 * Unit kinds with their Vietnamese labels (data on the server). Kinds are shared codes, so the top admin names them
 * for every province; a province admin gives a kind its province's own name (its users, dashboards and messages
 * show it), or goes back to the national name. Everyone sees the names in the header, dashboards and messages.
 */
import { Alert, App, AutoComplete, Button, Card, Input, Space, Table, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../../../../shared/api/client';
import { qk } from '../../../../shared/api/endpoints';
import type { UnitKind } from '../../../../shared/api/types';
import { useUnitKindLabel, useUnitKinds } from '../../../../shared/hooks/use-unit-kinds';
import { useSession } from '../../../auth/hooks/use-session';
import { describeError } from '../../components/errors';

type Editing = { code: string; label: string } | null;

function useKindMutations(onDone: () => void) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const done = (text: string) => {
    void qc.invalidateQueries({ queryKey: qk.unitKinds });
    message.success(text);
    onDone();
  };
  const save = useMutation({
    mutationFn: (v: { code: string; label: string }) =>
      apiFetch<UnitKind>(`/api/unit-kinds/${encodeURIComponent(v.code)}`, { method: 'PUT', json: { label: v.label.trim() } }),
    onSuccess: (k) => done(`Đã đặt tên loại đơn vị «${k.label}»`),
  });
  const clear = useMutation({
    mutationFn: (code: string) => apiFetch<UnitKind>(`/api/unit-kinds/${encodeURIComponent(code)}/local`, { method: 'DELETE' }),
    onSuccess: (k) => done(`Đã dùng lại tên chung «${k.label}»`),
  });
  return { save, clear };
}

const SCOPE_TEXT = {
  national: 'Tên tiếng Việt của từng loại đơn vị, dùng chung cho mọi tỉnh. Một tỉnh có thể đặt tên riêng cho đơn vị của mình.',
  local: 'Tên tiếng Việt của từng loại đơn vị. Tên bạn đặt chỉ dùng cho đơn vị của bạn và các đơn vị trực thuộc; các tỉnh khác vẫn thấy tên chung.',
  none: 'Tên tiếng Việt của từng loại đơn vị.',
};

export function UnitKindsCard() {
  const kinds = useUnitKinds();
  const [editing, setEditing] = useState<Editing>(null);
  const { save, clear } = useKindMutations(() => setEditing(null));
  const scope = kinds.data?.find((k) => k.canSet !== undefined)?.canSet;
  const error = kinds.error ?? save.error ?? clear.error;
  return (
    <Card size="small" title="Loại đơn vị" style={{ marginTop: 16 }} data-testid="unit-kinds">
      <Typography.Paragraph type="secondary">{SCOPE_TEXT[scope ?? (scope === null ? 'none' : 'national')]}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={describeError(error)} style={{ marginBottom: 8 }} />}
      <Table<UnitKind>
        rowKey="code"
        size="small"
        loading={kinds.isLoading}
        dataSource={kinds.data ?? []}
        pagination={false}
        columns={[
          {
            title: 'Tên loại đơn vị',
            render: (_, k) => (
              <KindNameCell kind={k} editing={editing} onEdit={setEditing} saving={save.isPending} onSave={(v) => save.mutate(v)} onClear={() => clear.mutate(k.code)} />
            ),
          },
          { title: 'Số đơn vị', dataIndex: 'units' },
          { title: 'Mã (nâng cao)', dataIndex: 'code', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
        ]}
      />
    </Card>
  );
}

interface CellProps {
  kind: UnitKind;
  editing: Editing;
  saving: boolean;
  onEdit: (e: Editing) => void;
  onSave: (v: { code: string; label: string }) => void;
  onClear: () => void;
}

/** The name in force, where it comes from (the province's own name, over the national one), and the admin's actions. */
function KindNameCell({ kind: k, editing, saving, onEdit, onSave, onClear }: CellProps) {
  const unitId = useSession().user?.unitId;
  if (editing?.code === k.code)
    return (
      <Space.Compact>
        <Input aria-label={`Tên của loại ${k.code}`} value={editing.label} onChange={(e) => onEdit({ code: k.code, label: e.target.value })} />
        <Button type="primary" loading={saving} disabled={!editing.label.trim()} onClick={() => onSave(editing)}>
          Lưu
        </Button>
        <Button onClick={() => onEdit(null)}>Hủy</Button>
      </Space.Compact>
    );
  const ownLocal = k.canSet === 'local' && !!k.local && k.local.unitId === unitId;
  return (
    <Space wrap>
      {k.label}
      {k.local && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`kind-local-${k.code}`}>
          tên riêng của {k.local.unitName}; tên chung: {k.nationalLabel}
        </Typography.Text>
      )}
      {k.canSet !== null && (
        <Button size="small" type="link" onClick={() => onEdit({ code: k.code, label: k.label })} aria-label={`Đổi tên ${k.label}`}>
          {k.canSet === 'local' ? 'Đặt tên riêng' : 'Đổi tên'}
        </Button>
      )}
      {ownLocal && (
        <Button size="small" type="link" onClick={onClear} aria-label={`Dùng tên chung cho ${k.label}`}>
          Dùng tên chung
        </Button>
      )}
    </Space>
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
