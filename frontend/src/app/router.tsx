import { createBrowserRouter, type RouteObject } from 'react-router';
import { adminRoutes } from '../features/admin/routes';
import { RequireAuth } from '../features/auth/components/RequireAuth';
import { DashboardRoute } from '../features/dashboard/components/DashboardRoute';
import { SignInPage } from '../features/auth/components/SignInPage';
import { NotFound } from '../shared/ui/NotFound';
import { lazyPage } from '../shared/ui/lazy-page';

// Every page is its own chunk (shared/ui/lazy-page.tsx): the sign-in page loads the shell only.
const AppLayout = lazyPage(() => import('./AppLayout'), 'AppLayout');
const MyWorkPage = lazyPage(() => import('../features/my-work/components/MyWorkPage'), 'MyWorkPage');
const FillPage = lazyPage(() => import('../features/fill/components/FillPage'), 'FillPage');
const ReviewPage = lazyPage(() => import('../features/review/components/ReviewPage'), 'ReviewPage');
const CompilePage = lazyPage(() => import('../features/compile/components/CompilePage'), 'CompilePage');
const ResetPasswordPage = lazyPage(() => import('../features/auth/components/PasswordPages'), 'ResetPasswordPage');
const OwnPasswordPage = lazyPage(() => import('../features/account/components/OwnPasswordPage'), 'OwnPasswordPage');

export const routes: RouteObject[] = [
  { path: '/login', element: <SignInPage /> },
  { path: '/dat-lai-mat-khau', element: <ResetPasswordPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <MyWorkPage /> },
      { path: 'submissions/:id', element: <FillPage /> },
      { path: 'submissions/:id/review', element: <ReviewPage /> },
      { path: 'submissions/:id/compile', element: <CompilePage /> },
      { path: 'dashboard', element: <DashboardRoute /> },
      { path: 'tai-khoan/mat-khau', element: <OwnPasswordPage /> },
      { path: 'dashboard/:roundId', element: <DashboardRoute /> },
      ...adminRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
