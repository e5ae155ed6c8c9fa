import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Button, Layout, Menu, Spin } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { adminMenu } from '../features/admin/routes';
import { hasRole, useSession } from '../features/auth/hooks/use-session';
import { NotificationCenter } from '../features/notifications/components/NotificationCenter';
import type { User } from '../shared/api/types';
import { ErrorBoundary } from '../shared/ui/ErrorBoundary';
import { HeaderAccount, MenuDrawer } from './HeaderAccount';

const { Header, Content } = Layout;

/** The menu's entries for this user, and the one the address is under (the longest matching path). */
function useNavItems(user: User | null) {
  const loc = useLocation();
  const items = [
    { key: '/', label: <Link to="/">Việc cần làm</Link> },
    { key: '/dashboard', label: <Link to="/dashboard">Tiến độ</Link> },
    ...(hasRole(user, 'admin') ? adminMenu.map((m) => ({ key: m.path, label: <Link to={m.path}>{m.label}</Link> })) : []),
  ];
  const selected = items
    .map((i) => i.key)
    .filter((k) => (k === '/' ? loc.pathname === '/' : loc.pathname.startsWith(k)))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
  return { items, selected, pathname: loc.pathname };
}

export function AppLayout() {
  const { user } = useSession();
  const { items, selected, pathname } = useNavItems(user);
  const [drawer, setDrawer] = useState(false);
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
        {user && <HeaderAccount user={user} />}
      </Header>
      <MenuDrawer user={user} open={drawer} onClose={() => setDrawer(false)} items={items} selected={selected} />
      <Content id="main" tabIndex={-1} className="bdg-content">
        <ErrorBoundary resetKey={pathname}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </Content>
    </Layout>
  );
}
