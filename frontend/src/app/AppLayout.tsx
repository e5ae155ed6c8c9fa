import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Avatar, Button, Drawer, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { adminMenu } from '../features/admin/routes';
import { hasRole, useSession, useSignOut } from '../features/auth/hooks/use-session';
import { NotificationCenter } from '../features/notifications/components/NotificationCenter';
import { roleLabel } from '../shared/format/format';
import { useUnitKindLabel } from '../shared/hooks/use-unit-kinds';
import { ErrorBoundary } from '../shared/ui/ErrorBoundary';

const { Header, Content } = Layout;

export function AppLayout() {
  const { user } = useSession();
  const unitKindLabel = useUnitKindLabel();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const loc = useLocation();
  const [drawer, setDrawer] = useState(false);
  const items = [
    { key: '/', label: <Link to="/">Việc cần làm</Link> },
    { key: '/dashboard', label: <Link to="/dashboard">Tiến độ</Link> },
    ...(hasRole(user, 'admin')
      ? adminMenu.map((m) => ({ key: m.path, label: <Link to={m.path}>{m.label}</Link> }))
      : []),
  ];
  const selected = items
    .map((i) => i.key)
    .filter((k) => (k === '/' ? loc.pathname === '/' : loc.pathname.startsWith(k)))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="bdg-skip-link">
        Bỏ qua đến nội dung chính
      </a>
      <Header className="bdg-header">
        <Link to="/" className="bdg-brand">
          Báo cáo BĐG
        </Link>
        <nav aria-label="Điều hướng chính" style={{ flex: 1, minWidth: 0 }}>
          <Menu theme="dark" mode="horizontal" selectedKeys={selected} items={items} />
        </nav>
        {user && <NotificationCenter />}
        {/* Phones: the menu and the account live in a drawer; the header keeps one line. */}
        <Button
          className="bdg-menu-button"
          icon={<MenuOutlined />}
          aria-label="Mở menu"
          aria-expanded={drawer}
          onClick={() => setDrawer(true)}
          data-testid="menu-button"
        />
        {user && (
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
            <Button
              icon={<LogoutOutlined />}
              onClick={async () => {
                await signOut();
                navigate('/login', { replace: true });
              }}
            >
              Đăng xuất
            </Button>
          </Space>
        )}
      </Header>
      <Drawer open={drawer} onClose={() => setDrawer(false)} title="Báo cáo BĐG" placement="right" size="default" data-testid="menu-drawer">
        {user && (
          <p>
            <strong>{user.fullName}</strong>
            <br />
            {user.unitName} · {unitKindLabel(user.unitKind)}
          </p>
        )}
        <nav aria-label="Điều hướng (menu)">
          <Menu mode="vertical" selectedKeys={selected} items={items} onClick={() => setDrawer(false)} />
        </nav>
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
          <Link to="/tai-khoan/mat-khau" onClick={() => setDrawer(false)}>
            <KeyOutlined aria-hidden /> Đổi mật khẩu
          </Link>
          <Button
            block
            icon={<LogoutOutlined />}
            onClick={async () => {
              setDrawer(false);
              await signOut();
              navigate('/login', { replace: true });
            }}
          >
            Đăng xuất
          </Button>
        </Space>
      </Drawer>
      <Content id="main" tabIndex={-1} className="bdg-content">
        <ErrorBoundary resetKey={loc.pathname}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </Content>
    </Layout>
  );
}
