import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { adminRoutes } from '../features/admin/routes';
import { RequireAuth } from '../features/auth/components/RequireAuth';
import { SignInPage } from '../features/auth/components/SignInPage';
import { MyWorkPage } from '../features/my-work/components/MyWorkPage';
import { FillPage } from '../features/fill/components/FillPage';
import { ErrorBoundary } from '../shared/ui/ErrorBoundary';
import { NotFound } from '../shared/ui/NotFound';
import { AppLayout } from './AppLayout';

const ReviewPage = lazy(() => import('../features/review/components/ReviewPage').then((m) => ({ default: m.ReviewPage })));
const CompilePage = lazy(() => import('../features/compile/components/CompilePage').then((m) => ({ default: m.CompilePage })));
const DashboardPage = lazy(() => import('../features/dashboard/components/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const BenchFormPage = lazy(() => import('../features/bench/components/BenchFormPage').then((m) => ({ default: m.BenchFormPage })));

export const routes: RouteObject[] = [
  { path: '/login', element: <SignInPage /> },
  // No sign-in: the browser benchmark (test/e2e/form-bench.e2e.ts) drives it without a backend.
  { path: '/bench/form', element: <ErrorBoundary><BenchFormPage /></ErrorBoundary> },
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
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'dashboard/:roundId', element: <DashboardPage /> },
      ...adminRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
