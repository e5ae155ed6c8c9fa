/** Moving a unit (with its subtree) under another parent, or merging it into another unit, with a preview. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Card, Form, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { MAX_PAGE_SIZE } from '@bdg/api-types';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import type { OrgUnit, User } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';

type Mode = 'move' | 'merge';

/** The unit itself or one below it cannot take it in. */
const insideOf = (unit: OrgUnit, target: OrgUnit) =>
  target.id === unit.id || target.path.startsWith(unit.path + '.') || target.path.startsWith(unit.path + '/');

export function MoveMergeModal({ mode, unit, onDone, onCancel }: { mode: Mode; unit: OrgUnit; onDone: (m: string) => void; onCancel: () => void }) {
  const { modal } = App.useApp();
  const [target, setTarget] = useState<OrgUnit | undefined>();
  const children = useQuery({
    queryKey: adminKeys.orgUnits(unit.id),
    queryFn: () => adminApi.listOrgUnits({ parentId: unit.id, pageSize: MAX_PAGE_SIZE }),
  });
  const users = useQuery({
    queryKey: [...adminKeys.users, unit.id],
    queryFn: () => adminApi.listUsers({ unitId: unit.id, pageSize: MAX_PAGE_SIZE }),
    enabled: mode === 'merge',
  });
  const invalidTarget = !!target && insideOf(unit, target);
  const childCount = unit.childCount ?? children.data?.total ?? 0;

  const run = useMutation({
    mutationFn: async (to: OrgUnit) => {
      if (mode === 'move') await adminApi.moveOrgUnit(unit.id, to.id);
      else await adminApi.mergeOrgUnit(unit.id, to.id);
      return to;
    },
    onSuccess: (to) => onDone(mode === 'move' ? `Đã chuyển “${unit.name}” sang “${to.name}”.` : `Đã gộp “${unit.name}” vào “${to.name}”.`),
  });

  const confirm = () =>
    target &&
    modal.confirm({
      title: mode === 'move' ? 'Chuyển đơn vị?' : 'Gộp đơn vị? Không thể hoàn tác',
      content:
        mode === 'move'
          ? `“${unit.name}” cùng ${childCount} đơn vị trực thuộc sẽ thuộc “${target.name}”.`
          : `“${unit.name}” sẽ không còn hoạt động; đơn vị trực thuộc và người dùng chuyển sang “${target.name}”. Lịch sử báo cáo vẫn được giữ.`,
      okText: mode === 'move' ? 'Chuyển' : 'Gộp',
      okButtonProps: { danger: mode === 'merge' },
      cancelText: 'Huỷ',
      onOk: () => run.mutateAsync(target).catch(() => undefined),
    });

  return (
    <Modal
      open
      title={mode === 'move' ? `Chuyển “${unit.name}” sang đơn vị cấp trên khác` : `Gộp “${unit.name}” vào đơn vị khác`}
      okText={mode === 'move' ? 'Chuyển…' : 'Gộp…'}
      okButtonProps={{ disabled: !target || invalidTarget, danger: mode === 'merge' }}
      cancelText="Huỷ"
      confirmLoading={run.isPending}
      onOk={confirm}
      onCancel={onCancel}
      width={640}
    >
      <Form layout="vertical">
        <Form.Item
          label={mode === 'move' ? 'Đơn vị cấp trên mới' : 'Gộp vào đơn vị'}
          validateStatus={invalidTarget ? 'error' : undefined}
          help={invalidTarget ? 'Không thể chọn chính đơn vị này hoặc một đơn vị trực thuộc nó.' : undefined}
        >
          <OrgUnitTreeSelect data-testid={`${mode}-target`} value={target?.id} disabledIds={[unit.id]} onChange={(_, u) => setTarget(u)} />
        </Form.Item>
      </Form>
      <Card size="small" title="Xem trước những gì thay đổi" data-testid={`${mode}-preview`}>
        {mode === 'move' ? (
          <MovePreview unit={unit} target={target} childCount={childCount} />
        ) : (
          <MergePreview
            unit={unit}
            target={target}
            children={children.data}
            users={users.data}
          />
        )}
      </Card>
      <ErrorAlert style={{ marginTop: 8 }} error={run.error} />
    </Modal>
  );
}

function MovePreview({ unit, target, childCount }: { unit: OrgUnit; target?: OrgUnit; childCount: number }) {
  return (
    <Typography.Paragraph>
      “{unit.name}” và <b>{childCount}</b> đơn vị trực thuộc trực tiếp (cùng toàn bộ cây con) sẽ chuyển
      {target ? ` sang “${target.name}”` : ''}. Báo cáo đã nộp giữ nguyên; các đợt mở sau sẽ theo cây mới.
    </Typography.Paragraph>
  );
}

interface Listed<T> {
  items: T[];
  total: number;
}

function MergePreview({ unit, target, children, users }: { unit: OrgUnit; target?: OrgUnit; children?: Listed<OrgUnit>; users?: Listed<User> }) {
  const unitUsers = (users?.items ?? []).filter((u) => u.unitId === unit.id);
  return (
    <>
      <Typography.Paragraph>
        Chuyển sang {target ? `“${target.name}”` : 'đơn vị được chọn'}: <b>{children?.total ?? 0}</b> đơn vị trực thuộc và{' '}
        <b>{users?.total ?? unitUsers.length}</b> người dùng. “{unit.name}” được đánh dấu đã gộp, lịch sử báo cáo vẫn truy được.
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={[...(children?.items ?? []).map((c) => `Đơn vị: ${c.name}`), ...unitUsers.map((u) => `Người dùng: ${u.fullName} (${u.username})`)]}
        renderItem={(s) => <List.Item>{s}</List.Item>}
        style={{ maxHeight: 200, overflow: 'auto' }}
      />
    </>
  );
}
