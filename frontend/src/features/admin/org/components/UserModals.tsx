/** Adding or editing a user (unit, roles, position, signature image), and setting a temporary password. */
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { adminApi, signatureImagePath } from '../../api/admin-api';
import type { User } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import { useRoleOptions } from '../hooks/use-roles';
import { AppearanceImageField } from './AppearanceImageField';

interface UserForm {
  username: string;
  fullName: string;
  password?: string;
  unitId: string;
  roles: string[];
  position?: string;
}

/** An edit sends what the form may change; a new user also its account and first password. */
function saveUser(user: User | null, v: UserForm) {
  const position = v.position?.trim() ?? '';
  if (user) return adminApi.updateUser(user.id, { fullName: v.fullName, unitId: v.unitId, roles: v.roles, position });
  return adminApi.createUser({
    username: v.username,
    fullName: v.fullName,
    password: v.password ?? '',
    unitId: v.unitId,
    roles: v.roles,
    ...(position ? { position } : {}),
  });
}

export function UserModal({ user, onClose }: { user: User | null; onClose: (saved: boolean) => void }) {
  const [form] = Form.useForm<UserForm>();
  const save = useMutation({ mutationFn: (v: UserForm) => saveUser(user, v), onSuccess: () => onClose(true) });
  return (
    <Modal
      open
      title={user ? `Sửa ${user.username}` : 'Thêm người dùng'}
      okText="Lưu"
      cancelText="Huỷ"
      // Invalid fields say so under themselves: nothing is sent.
      onOk={() => form.validateFields().then((v) => save.mutate(v), () => undefined)}
      confirmLoading={save.isPending}
      onCancel={() => onClose(false)}
    >
      <Form form={form} layout="vertical" initialValues={user ?? { roles: ['editor'] }}>
        <UserFields user={user} />
      </Form>
      <ErrorAlert error={save.error} />
    </Modal>
  );
}

function UserFields({ user }: { user: User | null }) {
  const { options: roleOptions } = useRoleOptions();
  return (
    <>
      {!user && (
        <Form.Item name="username" label="Tên đăng nhập" rules={[{ required: true, message: 'Nhập tên đăng nhập' }]}>
          <Input aria-label="Tên đăng nhập" autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="fullName" label="Họ và tên" rules={[{ required: true, message: 'Nhập họ tên' }]}>
        <Input aria-label="Họ và tên" />
      </Form.Item>
      {!user && (
        <Form.Item name="password" label="Mật khẩu ban đầu" rules={[{ required: true, min: 10, message: 'Mật khẩu cần ít nhất 10 ký tự.' }]}>
          <Input.Password aria-label="Mật khẩu ban đầu" autoComplete="new-password" />
        </Form.Item>
      )}
      <Form.Item name="unitId" label="Đơn vị" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
        <OrgUnitTreeSelect />
      </Form.Item>
      <Form.Item name="roles" label="Vai trò tại đơn vị" rules={[{ required: true, message: 'Chọn ít nhất một vai trò' }]}>
        <Select aria-label="Vai trò" mode="multiple" options={roleOptions} />
      </Form.Item>
      <Form.Item
        name="position"
        label="Chức vụ"
        extra="In ở khối chữ ký của văn bản. Cấp phó ký thay ghi «Phó Hiệu trưởng», «Phó Trưởng phòng»…: văn bản sẽ ghi «KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG». Để trống với người đứng đầu."
        rules={[{ max: 100, message: 'Chức vụ tối đa 100 ký tự.' }]}
      >
        <Input aria-label="Chức vụ" placeholder="Ví dụ: Phó Hiệu trưởng" />
      </Form.Item>
      {user && (
        <Form.Item label="Ảnh chữ ký">
          <AppearanceImageField
            path={signatureImagePath(user.id)}
            label="Ảnh chữ ký"
            hint="Chữ ký của người có thẩm quyền, màu xanh, PNG nền trong suốt (tối đa 512 KB). Hiện ở vị trí ký trên văn bản PDF ký số; không có ảnh thì văn bản ghi «Ký bởi», chức vụ, cơ quan, thời gian ký."
          />
        </Form.Item>
      )}
    </>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { message, modal } = App.useApp();
  const [password, setPassword] = useState('');
  const reset = useMutation({
    mutationFn: () => adminApi.updateUser(user.id, { password }),
    onSuccess: () => {
      message.success('Đã đặt lại mật khẩu.');
      onClose();
    },
  });
  const run = () =>
    modal.confirm({
      title: `Đặt lại mật khẩu cho ${user.username}?`,
      content: 'Mật khẩu cũ sẽ không dùng được nữa. Đây là mật khẩu tạm thời: người dùng phải đổi khi đăng nhập lần sau. Hãy báo mật khẩu này cho người dùng qua kênh an toàn.',
      okText: 'Đặt lại',
      okButtonProps: { danger: true },
      cancelText: 'Huỷ',
      onOk: () => reset.mutateAsync().catch(() => undefined),
    });
  return (
    <Modal
      open
      title={`Đặt lại mật khẩu: ${user.fullName}`}
      okText="Đặt lại…"
      okButtonProps={{ disabled: password.length < 10 }}
      cancelText="Huỷ"
      onOk={run}
      onCancel={onClose}
    >
      <Input.Password
        aria-label="Mật khẩu mới"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        placeholder="Ít nhất 10 ký tự, không dùng mật khẩu phổ biến"
      />
      <ErrorAlert style={{ marginTop: 8 }} error={reset.error} />
    </Modal>
  );
}
