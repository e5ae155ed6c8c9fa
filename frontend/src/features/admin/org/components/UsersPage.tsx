/** Users with their roles per unit: add, edit roles/unit, deactivate, reset a password, CSV import. */
import { KeyOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { adminApi, signatureImagePath } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import type { User } from '../../api/types';
import { describeError } from '../../components/errors';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import { useRoleOptions } from '../hooks/use-roles';
import { AppearanceImageField } from './AppearanceImageField';
import { CsvImportModal } from './CsvImportModal';
import { usePagedList } from '../../../../shared/paging/use-paged-list';

export function UsersPage() {
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const { labelOf } = useRoleOptions();
  // Paged and searched on the server (name or account, without accents).
  const users = usePagedList(adminKeys.users, adminApi.listUsers);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [importing, setImporting] = useState(false);

  const patch = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Parameters<typeof adminApi.updateUser>[1] }) =>
      adminApi.updateUser(id, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.users }),
    onError: (e) => message.error(describeError(e)),
  });

  return (
    <div data-testid="users-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          Người dùng
        </Typography.Title>
        <Space>
          <Input.Search
            aria-label="Tìm người dùng"
            placeholder="Tìm theo họ tên hoặc tài khoản"
            allowClear
            value={users.search}
            onChange={(e) => users.setSearch(e.target.value)}
            data-testid="user-search"
            style={{ width: 280 }}
          />
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-users">
            Nhập từ CSV
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="new-user"
          >
            Thêm người dùng
          </Button>
        </Space>
      </Space>
      {users.query.error && (
        <Alert type="error" showIcon message={`Không tải được người dùng: ${describeError(users.query.error)}`} />
      )}
      <Table<User>
        rowKey="id"
        {...users.tableProps}
        columns={[
          { title: 'Tài khoản', dataIndex: 'username', key: 'username', sorter: true },
          { title: 'Họ tên', dataIndex: 'fullName', key: 'fullName', sorter: true },
          { title: 'Chức vụ', key: 'position', render: (_, u) => u.position ?? '' },
          { title: 'Đơn vị', key: 'unitName', sorter: true, render: (_, u) => u.unitName ?? u.unitId },
          {
            title: 'Vai trò',
            render: (_, u) =>
              u.roles.map((r) => <Tag key={r}>{labelOf(r)}</Tag>),
          },
          {
            title: 'Hoạt động',
            render: (_, u) => (
              <Switch
                aria-label={`Hoạt động: ${u.username}`}
                checked={u.active}
                onChange={(active) =>
                  active
                    ? patch.mutate({ id: u.id, body: { active } })
                    : modal.confirm({
                        title: `Khoá tài khoản ${u.username}?`,
                        content: 'Người này sẽ không đăng nhập được nữa cho tới khi được mở lại.',
                        okText: 'Khoá',
                        okButtonProps: { danger: true },
                        cancelText: 'Huỷ',
                        onOk: () => patch.mutateAsync({ id: u.id, body: { active: false } }),
                      })
                }
              />
            ),
          },
          {
            title: '',
            render: (_, u) => (
              <Space>
                <Button size="small" onClick={() => setEditing(u)}>
                  Sửa
                </Button>
                <Button
                  size="small"
                  icon={<KeyOutlined />}
                  onClick={() => setResetting(u)}
                  data-testid={`reset-password-${u.username}`}
                >
                  Đặt lại mật khẩu
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <UserModal
          user={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              message.success('Đã lưu người dùng.');
              void qc.invalidateQueries({ queryKey: adminKeys.users });
            }
          }}
        />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
      <CsvImportModal
        open={importing}
        testid="users-import"
        title="Nhập người dùng từ tệp CSV"
        columnsHelp="Cột: Tên đăng nhập, Họ và tên, Mã đơn vị, Vai trò (tên hoặc mã vai trò, ví dụ «Người nhập liệu; Phó hiệu trưởng»; nhiều vai trò cách nhau bằng ;), Mật khẩu, Thư điện tử (tùy chọn), Chức vụ (tùy chọn, in ở khối chữ ký, ví dụ «Phó Hiệu trưởng»). Tên cột tiếng Anh (username, fullName, unitCode, roles, password, email, position) cũng được. Tệp CSV UTF-8, UTF-16 hoặc Windows-1258."
        run={(f, dry) => adminApi.importUsers(f, dry)}
        onClose={(imported) => {
          setImporting(false);
          if (imported) void qc.invalidateQueries({ queryKey: adminKeys.users });
        }}
      />
    </div>
  );
}

function UserModal({ user, onClose }: { user: User | null; onClose: (saved: boolean) => void }) {
  const { options: roleOptions } = useRoleOptions();
  const [form] = Form.useForm<{
    username: string;
    fullName: string;
    password?: string;
    unitId: string;
    roles: string[];
    position?: string;
  }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      if (user)
        await adminApi.updateUser(user.id, { fullName: v.fullName, unitId: v.unitId, roles: v.roles, position: v.position?.trim() ?? '' });
      else
        await adminApi.createUser({
          username: v.username,
          fullName: v.fullName,
          password: v.password ?? '',
          unitId: v.unitId,
          roles: v.roles,
          ...(v.position?.trim() ? { position: v.position.trim() } : {}),
        });
      onClose(true);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={user ? `Sửa ${user.username}` : 'Thêm người dùng'}
      okText="Lưu"
      cancelText="Huỷ"
      onOk={submit}
      confirmLoading={busy}
      onCancel={() => onClose(false)}
    >
      <Form form={form} layout="vertical" initialValues={user ?? { roles: ['editor'] }}>
        {!user && (
          <Form.Item
            name="username"
            label="Tên đăng nhập"
            rules={[{ required: true, message: 'Nhập tên đăng nhập' }]}
          >
            <Input aria-label="Tên đăng nhập" autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="fullName" label="Họ và tên" rules={[{ required: true, message: 'Nhập họ tên' }]}>
          <Input aria-label="Họ và tên" />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label="Mật khẩu ban đầu"
            rules={[{ required: true, min: 10, message: 'Mật khẩu cần ít nhất 10 ký tự.' }]}
          >
            <Input.Password aria-label="Mật khẩu ban đầu" autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="unitId" label="Đơn vị" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
          <OrgUnitTreeSelect />
        </Form.Item>
        <Form.Item
          name="roles"
          label="Vai trò tại đơn vị"
          rules={[{ required: true, message: 'Chọn ít nhất một vai trò' }]}
        >
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
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { message, modal } = App.useApp();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = () =>
    modal.confirm({
      title: `Đặt lại mật khẩu cho ${user.username}?`,
      content: 'Mật khẩu cũ sẽ không dùng được nữa. Đây là mật khẩu tạm thời: người dùng phải đổi khi đăng nhập lần sau. Hãy báo mật khẩu này cho người dùng qua kênh an toàn.',
      okText: 'Đặt lại',
      okButtonProps: { danger: true },
      cancelText: 'Huỷ',
      onOk: async () => {
        try {
          await adminApi.updateUser(user.id, { password });
          message.success('Đã đặt lại mật khẩu.');
          onClose();
        } catch (e) {
          setError(describeError(e));
        }
      },
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
      {error && <Alert style={{ marginTop: 8 }} type="error" showIcon message={error} />}
    </Modal>
  );
}
