/** Users with their roles per unit: add, edit roles/unit, deactivate, reset a password, CSV import. */
import { KeyOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Switch, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import type { User } from '../../api/types';
import { describeError } from '../../components/errors';
import { PagedTable } from '../../components/PagedTable';
import { useRoleOptions } from '../hooks/use-roles';
import { CsvImportModal } from './CsvImportModal';
import { ResetPasswordModal, UserModal } from './UserModals';
import { usePagedList } from '../../../../shared/paging/use-paged-list';

const USERS_CSV_HELP =
  'Cột: Tên đăng nhập, Họ và tên, Mã đơn vị, Vai trò (tên hoặc mã vai trò, ví dụ «Người nhập liệu; Phó hiệu trưởng»; nhiều vai trò cách nhau bằng ;), Mật khẩu, Thư điện tử (tùy chọn), Chức vụ (tùy chọn, in ở khối chữ ký, ví dụ «Phó Hiệu trưởng»). Tên cột tiếng Anh (username, fullName, unitCode, roles, password, email, position) cũng được. Tệp CSV UTF-8, UTF-16 hoặc Windows-1258.';

export function UsersPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  // Paged by the server's cursor (a national list of 300,000 people), searched there (name or account, without accents).
  const users = usePagedList(adminKeys.users, adminApi.listUsers);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [importing, setImporting] = useState(false);
  const columns = useUserColumns({ onEdit: setEditing, onResetPassword: setResetting });
  const reloadUsers = () => void qc.invalidateQueries({ queryKey: adminKeys.users });

  return (
    <div data-testid="users-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          Người dùng
        </Typography.Title>
        <Space>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-users">
            Nhập từ CSV
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-user">
            Thêm người dùng
          </Button>
        </Space>
      </Space>
      <PagedTable<User>
        list={users}
        errorPrefix="Không tải được người dùng"
        searchPlaceholder="Tìm theo họ tên hoặc tài khoản"
        searchTestId="user-search"
        rowKey="id"
        columns={columns}
      />
      {editing && (
        <UserModal
          user={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              message.success('Đã lưu người dùng.');
              reloadUsers();
            }
          }}
        />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
      <CsvImportModal
        open={importing}
        testid="users-import"
        title="Nhập người dùng từ tệp CSV"
        columnsHelp={USERS_CSV_HELP}
        run={(f, dry) => adminApi.importUsers(f, dry)}
        onClose={(imported) => {
          setImporting(false);
          if (imported) reloadUsers();
        }}
      />
    </div>
  );
}

/** The table's columns; switching a user off asks first, switching back on does not. */
function useUserColumns({ onEdit, onResetPassword }: { onEdit: (u: User) => void; onResetPassword: (u: User) => void }): ColumnsType<User> {
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const { labelOf } = useRoleOptions();
  const patch = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Parameters<typeof adminApi.updateUser>[1] }) => adminApi.updateUser(id, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.users }),
    onError: (e) => message.error(describeError(e)),
  });
  const setActive = (u: User, active: boolean) =>
    active
      ? patch.mutate({ id: u.id, body: { active } })
      : modal.confirm({
          title: `Khoá tài khoản ${u.username}?`,
          content: 'Người này sẽ không đăng nhập được nữa cho tới khi được mở lại.',
          okText: 'Khoá',
          okButtonProps: { danger: true },
          cancelText: 'Huỷ',
          onOk: () => patch.mutateAsync({ id: u.id, body: { active: false } }),
        });
  return [
    { title: 'Tài khoản', dataIndex: 'username', key: 'username', sorter: true },
    { title: 'Họ tên', dataIndex: 'fullName', key: 'fullName', sorter: true },
    { title: 'Chức vụ', key: 'position', render: (_, u) => u.position ?? '' },
    { title: 'Đơn vị', key: 'unitName', sorter: true, render: (_, u) => u.unitName ?? u.unitId },
    { title: 'Vai trò', render: (_, u) => u.roles.map((r) => <Tag key={r}>{labelOf(r)}</Tag>) },
    {
      title: 'Hoạt động',
      render: (_, u) => <Switch aria-label={`Hoạt động: ${u.username}`} checked={u.active} onChange={(active) => setActive(u, active)} />,
    },
    {
      title: '',
      render: (_, u) => (
        <Space>
          <Button size="small" onClick={() => onEdit(u)}>
            Sửa
          </Button>
          <Button size="small" icon={<KeyOutlined />} onClick={() => onResetPassword(u)} data-testid={`reset-password-${u.username}`}>
            Đặt lại mật khẩu
          </Button>
        </Space>
      ),
    },
  ];
}
