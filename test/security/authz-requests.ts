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

/** A request that, were authorization missing, would succeed: valid bodies, harmless effects. */
export async function buildRequest(x: RequestContext, route: string, role: Role | 'anon', p: Record<string, string>) {
  const { w, sql, templateBody, flowMachine, api } = x;
  const [method, tpl] = route.split(' ') as [string, string];
  let path = tpl.replace(/\{(\w+)\}/g, (_, k: string) => p[k] ?? '00000000-0000-4000-8000-000000000000');
  const unitId = p.id;
  const n = x.next();
  let body: unknown;
  let form: FormData | undefined;
  const unitOf = (id: string) => Object.values(w.unit).find((u) => u.id === id)!;
  const childOf = (id: string) => Object.values(w.unit).find((u) => u.parentId === id);
  switch (route) {
    case 'GET /api/org-units':
      path += `?parentId=${unitId}`;
      break;
    case 'GET /api/users':
    case 'GET /api/submissions':
    case 'GET /api/audit':
      path = `${path.split('?')[0]}?unitId=${unitId}`;
      break;
    case 'POST /api/org-units':
      path = '/api/org-units';
      body = { code: `MX-${n}`, name: `Đơn vị thử ${n}`, kind: 'truong_th', parentId: unitId };
      break;
    case 'PATCH /api/org-units/{id}': {
      const cur = await sql.one<{ name: string }>('SELECT name FROM org_unit WHERE id = $1', [p.id]);
      body = { name: cur.name };
      break;
    }
    case 'POST /api/org-units/{id}/move':
      body = { parentId: unitOf(p.id!).parentId };
      break;
    case 'GET /api/org-units/{id}/merge-preview':
      path += `?intoId=${w.unit[role === 'admin' || role === 'anon' ? 'PGD-KD' : ROLES[role].own]!.id}`;
      break;
    case 'POST /api/org-units/{id}/merge':
      body = { intoId: childOf(p.id!)?.id ?? unitOf(p.id!).parentId };
      break;
    case 'POST /api/org-units/import':
      path += '?dryRun=1';
      form = csv('code,name,kind,parentCode\nMX-CSV-' + n + ',Trường nhập thử,truong_th,PGD-KC\n');
      break;
    case 'POST /api/users':
      path = '/api/users';
      body = { username: `mx.user${n}`, password: 'Matrix@2026', fullName: 'Người dùng thử', unitId, roles: ['editor'] };
      break;
    case 'PATCH /api/users/{id}': {
      const cur = await sql.one<{ full_name: string }>('SELECT full_name FROM app_user WHERE id = $1', [p.id]);
      body = { fullName: cur.full_name };
      break;
    }
    case 'POST /api/users/import':
      path += '?dryRun=1';
      form = csv(`username,fullName,unitCode,roles,password\nmx.csv${n},Người nhập thử,KC-TH-TAN-DAN,editor,Matrix@2026\n`);
      break;
    case 'POST /api/auth/login':
      body = { username: role === 'anon' ? 'kc.reviewer' : ROLES[role].user, password: 'sai-mat-khau' };
      break;
    case 'POST /api/auth/forgot-password':
      body = { username: `mx.quen.${role}` };
      break;
    case 'POST /api/auth/reset-password':
      body = { token: 'khong-phai-lien-ket-that-0123456789', newPassword: 'MatKhauMoi@2026x' };
      break;
    case 'POST /api/templates/{code}/versions':
    case 'PUT /api/templates/{code}/versions/{version}':
      body = templateBody;
      break;
    case 'POST /api/flows/lint':
    case 'POST /api/flows/{code}/versions':
      body = { machine: flowMachine };
      break;
    case 'POST /api/rounds':
      path = '/api/rounds';
      body = {
        name: `Đợt thử ${n}`,
        template: { code: 'khoai-chau-bdg-2016-2020', version: 1 },
        rootUnitId: unitId,
        period: `thử ${n}`,
        flows: { truong_th: 'truong' },
        deadlines: { truong_th: '2030-01-01' },
      };
      break;
    case 'POST /api/rounds/preview':
      path = '/api/rounds/preview';
      body = { rootUnitId: unitId, flows: { truong_th: 'truong', phong: 'phong', so: 'so' } };
      break;
    case 'POST /api/regimes':
      body = {
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
      body = { today: '2020-01-02' };
      break;
    case 'POST /api/regimes/draft/preview':
      body = {
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
      body = { rootUnitId: unitId, period: '2027-H1', flows: { truong_th: 'truong', phong: 'phong' }, deadlines: { truong_th: '2027-06-20', phong: '2027-06-18' } };
      break;
    case 'PATCH /api/regimes/{code}': {
      const list = await api.get('/api/regimes', x.adminToken);
      const cur = (list.body.items as { code: string; definition: unknown }[]).find((r) => r.code === p.code);
      body = { definition: cur?.definition ?? {} };
      break;
    }
    case 'POST /api/roles':
      body = { code: `mx_vai_tro_${n}`, label: `Vai trò thử ${n}` };
      break;
    case 'POST /api/auth/password':
    case 'POST /api/me/password':
      body = { currentPassword: 'sai-mat-khau', newPassword: 'MatKhauMoi@2026x' };
      break;
    case 'POST /api/submissions/{id}/pdf-signature/prepare':
      body = { certificates: ['MIIB'] };
      break;
    case 'POST /api/submissions/{id}/pdf-signature/complete':
      body = { pendingId: '00000000-0000-4000-8000-000000000001', signature: 'AAAA' };
      break;
    case 'PUT /api/users/{id}/signature-image':
    case 'PUT /api/org-units/{id}/seal-image':
      form = new FormData();
      form.append('file', new Blob([PNG_1PX], { type: 'image/png' }), 'chu-ky.png');
      break;
    case 'POST /api/verify-pdf':
      form = new FormData();
      form.append('file', new Blob([PNG_1PX], { type: 'application/pdf' }), 'khong-phai.pdf');
      break;
    case 'GET /api/calendar/{year}':
      path = '/api/calendar/2026';
      break;
    case 'POST /api/calendar/adjustments':
      body = { date: '2030-01-02', kind: 'holiday', name: 'Ngày nghỉ thử' };
      break;
    case 'DELETE /api/calendar/adjustments/{date}':
      path = '/api/calendar/adjustments/2030-01-02';
      break;
    case 'PUT /api/submissions/{id}/data': {
      const cur = await sql.one<{ version: number }>('SELECT version FROM submission WHERE id = $1', [p.id]);
      body = { data: {}, version: cur.version };
      break;
    }
    case 'PUT /api/unit-kinds/{code}':
      path = '/api/unit-kinds/truong_th';
      body = { label: 'Trường tiểu học' };
      break;
    case 'DELETE /api/unit-kinds/{code}/local':
      path = '/api/unit-kinds/truong_th/local';
      break;
    case 'PUT /api/submissions/{id}/seen':
      body = { contentHash: 'a'.repeat(64) };
      break;
    case 'POST /api/submissions/{id}/events':
      body = { type: 'SUBMIT' };
      break;
    case 'GET /api/submissions/review-summary':
      path += `?ids=${p.id}`;
      break;
    case 'POST /api/submissions/bulk-accept':
      body = { items: [{ id: p.id, contentHash: '0'.repeat(64) }] };
      break;
    case 'POST /api/rounds/{id}/remind-late':
      body = {};
      break;
    case 'GET /api/submissions/{id}/export':
      path += '?format=xlsx';
      break;
    case 'GET /api/submissions/{id}/sources':
      path += '?path=/I/tongSoCBGVNV';
      break;
    case 'POST /api/submissions/{id}/attachments':
      form = new FormData();
      form.append('file', new Blob([PNG_1PX], { type: 'image/png' }), 'anh.png');
      break;
    default:
      break;
  }
  return { method, path, body, form };
}

function csv(text: string) {
  const f = new FormData();
  f.append('file', new Blob([text], { type: 'text/csv' }), 'data.csv');
  return f;
}
