/** The admin area's routes (children of the main layout) and its menu, imported by the app shell. */
import { Navigate, type RouteObject } from 'react-router';
import { AdminFrame } from './components/AdminFrame';
import { FlowEditorPage } from './flow-builder/components/FlowEditorPage';
import { FlowListPage } from './flow-builder/components/FlowListPage';
import { OrgPage } from './org/components/OrgPage';
import { RolesPage } from './org/components/RolesPage';
import { UsersPage } from './org/components/UsersPage';
import { RegimeListPage } from './regimes/components/RegimeListPage';
import { RoundListPage } from './rounds/components/RoundListPage';
import { RoundWizardPage } from './rounds/components/RoundWizardPage';
import { TemplateEditorPage } from './template-builder/components/TemplateEditorPage';
import { TemplateListPage } from './template-builder/components/TemplateListPage';

export const adminRoutes: RouteObject[] = [
  {
    path: 'admin',
    element: <AdminFrame />,
    children: [
      { index: true, element: <Navigate to="/admin/templates" replace /> },
      { path: 'templates', element: <TemplateListPage /> },
      { path: 'templates/:code/:version', element: <TemplateEditorPage /> },
      { path: 'flows', element: <FlowListPage /> },
      { path: 'flows/:code/:version', element: <FlowEditorPage /> },
      { path: 'rounds', element: <RoundListPage /> },
      { path: 'rounds/new', element: <RoundWizardPage /> },
      { path: 'regimes', element: <RegimeListPage /> },
      { path: 'org', element: <OrgPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'roles', element: <RolesPage /> },
    ],
  },
];

export const adminMenu: { key: string; label: string; path: string }[] = [
  { key: 'admin-templates', label: 'Biểu mẫu', path: '/admin/templates' },
  { key: 'admin-flows', label: 'Quy trình', path: '/admin/flows' },
  { key: 'admin-rounds', label: 'Đợt báo cáo', path: '/admin/rounds' },
  { key: 'admin-regimes', label: 'Chế độ báo cáo', path: '/admin/regimes' },
  { key: 'admin-org', label: 'Cây đơn vị', path: '/admin/org' },
  { key: 'admin-users', label: 'Người dùng', path: '/admin/users' },
  { key: 'admin-roles', label: 'Vai trò', path: '/admin/roles' },
];
