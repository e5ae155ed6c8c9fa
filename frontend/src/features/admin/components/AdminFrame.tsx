import { App } from 'antd';
import { Outlet } from 'react-router';

/** Gives every admin screen antd's message/modal context (App.useApp), whatever the shell wraps around it. */
export function AdminFrame() {
  return (
    <App component={false}>
      <div data-testid="admin-area" style={{ padding: 16 }}>
        <Outlet />
      </div>
    </App>
  );
}
