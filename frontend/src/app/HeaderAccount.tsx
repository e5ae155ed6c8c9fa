/** The signed-in user in the header (name, unit, roles, own password, sign out), and the phone's drawer menu. */
import { Link, useNavigate } from 'react-router';
import { Avatar, Button, Drawer, Menu, Space, Tag, Typography } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { User } from '../shared/api/types';
import { useSignOut } from '../features/auth/hooks/use-session';
import { roleLabel } from '../shared/format/format';
import { useUnitKindLabel } from '../shared/hooks/use-unit-kinds';

/** Signs out, then the sign-in page (the history entry replaced). */
function useLeave() {
  const signOut = useSignOut();
  const navigate = useNavigate();
  return async () => {
    await signOut();
    navigate('/login', { replace: true });
  };
}

export function HeaderAccount({ user }: { user: User }) {
  const unitKindLabel = useUnitKindLabel();
  const leave = useLeave();
  return (
    <Space size="middle" className="bdg-user" data-testid="current-user">
      <Avatar icon={<UserOutlined />} aria-hidden />
      <span>
        <Typography.Text strong style={{ color: '#fff' }}>
          {user.fullName}
        </Typography.Text>
        <br />
        <span className="bdg-user-unit">
          {user.unitName} · {unitKindLabel(user.unitKind)}
        </span>
      </span>
      <span aria-label="Vai trò">
        {user.roles.map((r) => (
          <Tag key={r} color="#1f1f1f" style={{ border: '1px solid #8c8c8c' }}>
            {roleLabel(r)}
          </Tag>
        ))}
      </span>
      <Link to="/tai-khoan/mat-khau" style={{ color: '#fff' }}>
        <KeyOutlined aria-hidden /> Đổi mật khẩu
      </Link>
      <Button icon={<LogoutOutlined />} onClick={() => void leave()}>
        Đăng xuất
      </Button>
    </Space>
  );
}

interface DrawerProps {
  user: User | null;
  open: boolean;
  onClose: () => void;
  items: ItemType[];
  selected: string[];
}

/** Phones: the menu and the account live in a drawer; the header keeps one line. */
export function MenuDrawer({ user, open, onClose, items, selected }: DrawerProps) {
  const unitKindLabel = useUnitKindLabel();
  const leave = useLeave();
  return (
    <Drawer open={open} onClose={onClose} title="Báo cáo BĐG" placement="right" size="default" data-testid="menu-drawer">
      {user && (
        <p>
          <strong>{user.fullName}</strong>
          <br />
          {user.unitName} · {unitKindLabel(user.unitKind)}
        </p>
      )}
      <nav aria-label="Điều hướng (menu)">
        <Menu mode="vertical" selectedKeys={selected} items={items} onClick={onClose} />
      </nav>
      <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
        <Link to="/tai-khoan/mat-khau" onClick={onClose}>
          <KeyOutlined aria-hidden /> Đổi mật khẩu
        </Link>
        <Button
          block
          icon={<LogoutOutlined />}
          onClick={() => {
            onClose();
            void leave();
          }}
        >
          Đăng xuất
        </Button>
      </Space>
    </Drawer>
  );
}
