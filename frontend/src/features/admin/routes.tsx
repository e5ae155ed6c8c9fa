/** The admin area's routes (children of the main layout) and its menu, imported by the app shell. */
import { Navigate, type RouteObject } from 'react-router';
import { lazyPage } from '../../shared/ui/lazy-page';

// Each admin screen is its own chunk: the flow builder's graph layout (elkjs), the code editor and the
// diagram library are downloaded by the admin who opens them, never by a school.
const AdminFrame = lazyPage(() => import('./components/AdminFrame'), 'AdminFrame');
const AuditPage = lazyPage(() => import('./audit/components/AuditPage'), 'AuditPage');
const FlowEditorPage = lazyPage(() => import('./flow-builder/components/FlowEditorPage'), 'FlowEditorPage');
const FlowListPage = lazyPage(() => import('./flow-builder/components/FlowListPage'), 'FlowListPage');
const OrgPage = lazyPage(() => import('./org/components/OrgPage'), 'OrgPage');
const RolesPage = lazyPage(() => import('./org/components/RolesPage'), 'RolesPage');
const UsersPage = lazyPage(() => import('./org/components/UsersPage'), 'UsersPage');
const RegimeListPage = lazyPage(() => import('./regimes/components/RegimeListPage'), 'RegimeListPage');
const RoundListPage = lazyPage(() => import('./rounds/components/RoundListPage'), 'RoundListPage');
const RoundWizardPage = lazyPage(() => import('./rounds/components/RoundWizardPage'), 'RoundWizardPage');
const TemplateEditorPage = lazyPage(() => import('./template-builder/components/TemplateEditorPage'), 'TemplateEditorPage');
const TemplateListPage = lazyPage(() => import('./template-builder/components/TemplateListPage'), 'TemplateListPage');

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
      { path: 'audit', element: <AuditPage /> },
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
  { key: 'admin-audit', label: 'Nhật ký', path: '/admin/audit' },
];
