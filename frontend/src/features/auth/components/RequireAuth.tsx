import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Alert, Button, Spin } from 'antd';
import { errorMessage } from '../../../shared/api/client';
import { useSession } from '../hooks/use-session';

export const CHANGE_PASSWORD_PATH = '/tai-khoan/mat-khau';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, isLoading, hasToken, error } = useSession();
  const loc = useLocation();
  if (!hasToken) return <Navigate to={`/login?next=${encodeURIComponent(loc.pathname + loc.search)}`} replace />;
  if (!user && error && !isLoading)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        style={{ margin: 24 }}
        title={errorMessage(error)}
        action={<Button onClick={() => window.location.reload()}>Thử lại</Button>}
      />
    );
  if (isLoading || !user)
    return (
      <div className="bdg-center" aria-busy="true">
        <Spin tip="Đang tải…" size="large">
          <div style={{ width: 120, height: 60 }} />
        </Spin>
      </div>
    );
  // A temporary password set by an admin: the user chooses their own before anything else.
  if (user.mustChangePassword && loc.pathname !== CHANGE_PASSWORD_PATH) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return <>{children}</>;
}
