import type { startSuiteApp } from '../support/app.js';
import type { Api } from '../support/http.js';
import { PNG_1PX } from '../support/files.js';
import type { World } from '../support/world.js';
import { ROLES, type Role } from './authz-table.js';

/** What the requests are built from: the demo world, raw SQL, the bodies prepared once, a serial for unique names. */
export interface RequestContext {
  w: World;
  sql: Awaited<ReturnType<typeof startSuiteApp>>['sql'];
  templateBody: { schema: unknown; uiSchema: unknown; document: unknown; title: string; periodKind: string };
  flowMachine: unknown;
  /** The API, and an admin's token for what a body must copy (a regime's current definition). */
  api: Api;
  adminToken: string;
  next(): number;
}

/** What the route-specific parts adjust: the request being drawn up, and what it is drawn from. */
interface Step {
  x: RequestContext;
  route: string;
  role: Role | 'anon';
  p: Record<string, string>;
  n: number;
  unitId: string | undefined;
  unitOf(id: string): World['unit'][string];
  childOf(id: string): World['unit'][string] | undefined;
  r: { path: string; body: unknown; form: FormData | undefined };
}

/** A request that, were authorization missing, would succeed: valid bodies, harmless effects. */
export async function buildRequest(x: RequestContext, route: string, role: Role | 'anon', p: Record<string, string>) {
  const { w } = x;
  const [method, tpl] = route.split(' ') as [string, string];
  const r: Step['r'] = { path: tpl.replace(/\{(\w+)\}/g, (_, k: string) => p[k] ?? '00000000-0000-4000-8000-000000000000'), body: undefined, form: undefined };
  const s: Step = {
    x,
    route,
    role,
    p,
    n: x.next(),
    unitId: p.id,
    unitOf: (id) => Object.values(w.unit).find((u) => u.id === id)!,
    childOf: (id) => Object.values(w.unit).find((u) => u.parentId === id),
    r,
  };
  for (const part of [requestPart1, requestPart2, requestPart3]) if (await part(s)) break;
  return { method, path: r.path, body: r.body, form: r.form };
}

/** Routes 1 of 3 of the table: adjusts the draft request; false when the route is not among them. */
async function requestPart1(s: Step): Promise<boolean> {
  const { w, sql, templateBody, flowMachine } = s.x;
  const { route, r, role, p, n, unitId, unitOf, childOf } = s;
  switch (route) {
    case 'GET /api/org-units':
      r.path += `?parentId=${unitId}`;
      break;
    case 'GET /api/users':
    case 'GET /api/submissions':
    case 'GET /api/audit':
      r.path = `${r.path.split('?')[0]}?unitId=${unitId}`;
      break;
    case 'POST /api/org-units':
      r.path = '/api/org-units';
      r.body = { code: `MX-${n}`, name: `Đơn vị thử ${n}`, kind: 'truong_th', parentId: unitId };
      break;
    case 'PATCH /api/org-units/{id}': {
      const cur = await sql.one<{ name: string }>('SELECT name FROM org_unit WHERE id = $1', [p.id]);
      r.body = { name: cur.name };
      break;
    }
    case 'POST /api/org-units/{id}/move':
      r.body = { parentId: unitOf(p.id!).parentId };
      break;
    case 'GET /api/org-units/{id}/merge-preview':
      r.path += `?intoId=${w.unit[role === 'admin' || role === 'anon' ? 'PGD-KD' : ROLES[role].own]!.id}`;
      break;
    case 'POST /api/org-units/{id}/merge':
      r.body = { intoId: childOf(p.id!)?.id ?? unitOf(p.id!).parentId };
      break;
    case 'POST /api/org-units/import':
      r.path += '?dryRun=1';
      r.form = csv('code,name,kind,parentCode\nMX-CSV-' + n + ',Trường nhập thử,truong_th,PGD-KC\n');
      break;
    case 'POST /api/users':
      r.path = '/api/users';
      r.body = { username: `mx.user${n}`, password: 'Matrix@2026', fullName: 'Người dùng thử', unitId, roles: ['editor'] };
      break;
    case 'PATCH /api/users/{id}': {
      const cur = await sql.one<{ full_name: string }>('SELECT full_name FROM app_user WHERE id = $1', [p.id]);
      r.body = { fullName: cur.full_name };
      break;
    }
    case 'POST /api/users/import':
      r.path += '?dryRun=1';
      r.form = csv(`username,fullName,unitCode,roles,password\nmx.csv${n},Người nhập thử,KC-TH-TAN-DAN,editor,Matrix@2026\n`);
      break;
    case 'POST /api/auth/login':
      r.body = { username: role === 'anon' ? 'kc.reviewer' : ROLES[role].user, password: 'sai-mat-khau' };
      break;
    case 'POST /api/auth/forgot-password':
      r.body = { username: `mx.quen.${role}` };
      break;
    case 'POST /api/auth/reset-password':
      r.body = { token: 'khong-phai-lien-ket-that-0123456789', newPassword: 'MatKhauMoi@2026x' };
      break;
    case 'POST /api/templates/{code}/versions':
    case 'PUT /api/templates/{code}/versions/{version}':
      r.body = templateBody;
      break;
    case 'POST /api/flows/lint':
    case 'POST /api/flows/{code}/versions':
      r.body = { machine: flowMachine };
      break;
    case 'POST /api/rounds':
      r.path = '/api/rounds';
      r.body = {
        name: `Đợt thử ${n}`,
        template: { code: 'khoai-chau-bdg-2016-2020', version: 1 },
        rootUnitId: unitId,
        period: `thử ${n}`,
        flows: { truong_th: 'truong' },
        deadlines: { truong_th: '2030-01-01' },
      };
      break;
    default:
      return false;
  }
  return true;
}

/** Routes 2 of 3 of the table: adjusts the draft request; false when the route is not among them. */
async function requestPart2(s: Step): Promise<boolean> {
  const { api } = s.x;
  const { route, r, p, n, unitId } = s;
  switch (route) {
    case 'POST /api/rounds/preview':
      r.path = '/api/rounds/preview';
      r.body = { rootUnitId: unitId, flows: { truong_th: 'truong', phong: 'phong', so: 'so' } };
      break;
    case 'POST /api/regimes':
      r.body = {
        definition: {
          code: `mx-${n}`,
          name: `Chế độ thử ${n}`,
          template: { code: 'bdg-vstbpn-dinh-ky' },
          frequency: 'year',
          rootUnitCode: 'SO-HY',
          flows: { so: 'so' },
          levels: [{ kinds: ['so'], label: 'Sở', deadline: { workingDaysAfterCutOff: 5 } }],
        },
      };
      break;
    case 'POST /api/regimes/open-due':
      r.body = { today: '2020-01-02' };
      break;
    case 'POST /api/regimes/draft/preview':
      r.body = {
        definition: {
          code: `mx-nhap-${n}`,
          name: `Chế độ nháp ${n}`,
          template: { code: 'bdg-vstbpn-dinh-ky' },
          frequency: 'year',
          rootUnitCode: 'SO-HY',
          flows: { so: 'so' },
          levels: [{ kinds: ['so'], label: 'Sở', deadline: { workingDaysAfterCutOff: 5 } }],
        },
        from: '2027-01-01',
        count: 2,
      };
      break;
    case 'POST /api/regimes/check-deadlines':
      r.body = { rootUnitId: unitId, period: '2027-H1', flows: { truong_th: 'truong', phong: 'phong' }, deadlines: { truong_th: '2027-06-20', phong: '2027-06-18' } };
      break;
    case 'PATCH /api/regimes/{code}': {
      const list = await api.get('/api/regimes', s.x.adminToken);
      const cur = (list.body.items as { code: string; definition: unknown }[]).find((r) => r.code === p.code);
      r.body = { definition: cur?.definition ?? {} };
      break;
    }
    case 'POST /api/roles':
      r.body = { code: `mx_vai_tro_${n}`, label: `Vai trò thử ${n}` };
      break;
    case 'POST /api/auth/password':
    case 'POST /api/me/password':
      r.body = { currentPassword: 'sai-mat-khau', newPassword: 'MatKhauMoi@2026x' };
      break;
    case 'POST /api/submissions/{id}/pdf-signature/prepare':
      r.body = { certificates: ['MIIB'] };
      break;
    default:
      return false;
  }
  return true;
}

/** Routes 3 of 3 of the table: adjusts the draft request; false when the route is not among them. */
async function requestPart3(s: Step): Promise<boolean> {
  const { sql } = s.x;
  const { route, r, p } = s;
  switch (route) {
    case 'POST /api/submissions/{id}/pdf-signature/complete':
      r.body = { pendingId: '00000000-0000-4000-8000-000000000001', signature: 'AAAA' };
      break;
    case 'PUT /api/users/{id}/signature-image':
    case 'PUT /api/org-units/{id}/seal-image':
      r.form = new FormData();
      r.form.append('file', new Blob([PNG_1PX], { type: 'image/png' }), 'chu-ky.png');
      break;
    case 'POST /api/verify-pdf':
      r.form = new FormData();
      r.form.append('file', new Blob([PNG_1PX], { type: 'application/pdf' }), 'khong-phai.pdf');
      break;
    case 'GET /api/calendar/{year}':
      r.path = '/api/calendar/2026';
      break;
    case 'POST /api/calendar/adjustments':
      r.body = { date: '2030-01-02', kind: 'holiday', name: 'Ngày nghỉ thử' };
      break;
    case 'DELETE /api/calendar/adjustments/{date}':
      r.path = '/api/calendar/adjustments/2030-01-02';
      break;
    case 'PUT /api/submissions/{id}/data': {
      const cur = await sql.one<{ version: number }>('SELECT version FROM submission WHERE id = $1', [p.id]);
      r.body = { data: {}, version: cur.version };
      break;
    }
    case 'PUT /api/unit-kinds/{code}':
      r.path = '/api/unit-kinds/truong_th';
      r.body = { label: 'Trường tiểu học' };
      break;
    case 'DELETE /api/unit-kinds/{code}/local':
      r.path = '/api/unit-kinds/truong_th/local';
      break;
    case 'PUT /api/submissions/{id}/seen':
      r.body = { contentHash: 'a'.repeat(64) };
      break;
    case 'POST /api/submissions/{id}/events':
      r.body = { type: 'SUBMIT' };
      break;
    case 'GET /api/submissions/review-summary':
      r.path += `?ids=${p.id}`;
      break;
    case 'POST /api/submissions/bulk-accept':
      r.body = { items: [{ id: p.id, contentHash: '0'.repeat(64) }] };
      break;
    case 'POST /api/rounds/{id}/remind-late':
      r.body = {};
      break;
    case 'GET /api/submissions/{id}/export':
      r.path += '?format=xlsx';
      break;
    case 'GET /api/submissions/{id}/sources':
      r.path += '?path=/I/tongSoCBGVNV';
      break;
    case 'POST /api/submissions/{id}/attachments':
      r.form = new FormData();
      r.form.append('file', new Blob([PNG_1PX], { type: 'image/png' }), 'anh.png');
      break;

    default:
      return false;
  }
  return true;
}

function csv(text: string) {
  const f = new FormData();
  f.append('file', new Blob([text], { type: 'text/csv' }), 'data.csv');
  return f;
}
