/**
 * Authorization matrix, generated from the route table the app serves (/api/docs-json):
 * every route × role × target, with the expected answer class written down below.
 * Asserts zero leaks: no 2xx where the user must not act or see, another subtree's things are 404,
 * and no id of another subtree appears in any 2xx body. A route missing from the table fails the suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSuiteApp, ADMIN_PASSWORD } from '../support/app.js';
import { Api, type Res } from '../support/http.js';
import { isBelowOrSame, loadWorld, type World } from '../support/world.js';
import { PNG_1PX } from '../support/files.js';

type Role = 'admin' | 'reviewer' | 'editor' | 'head';
type Target = 'own' | 'child' | 'other';
/**
 * Answer classes:
 *  '2'   2xx — the user may do this;
 *  'ok'  authorized: 2xx, or a refusal about the body or the state (400/409/422), never 401/403/404/5xx;
 *  '403' / '404' exactly that; 'no' 403 or 404;
 *  'ref' any refusal (403/404/409/422: the user sees the thing but may not act), never 2xx;
 *  '-'   not applicable (a school has no child unit).
 */
type Cls = '2' | 'ok' | '403' | '404' | '422' | 'no' | 'ref' | '-';
type Row = [Cls, Cls, Cls];

const ROLES: Record<Role, { user: string; own: string; child: string | null; other: string }> = {
  admin: { user: 'hy.admin', own: 'SO-HY', child: 'PGD-KC', other: 'SO-PT' }, // admin of a province
  reviewer: { user: 'kc.reviewer', own: 'PGD-KC', child: 'KC-TH-TAN-DAN', other: 'PGD-VG' }, // reviewer of a Phòng
  editor: { user: 'kc.th-tan-dan.editor', own: 'KC-TH-TAN-DAN', child: null, other: 'KC-TH-DONG-TIEN' },
  head: { user: 'kc.th-tan-dan.head', own: 'KC-TH-TAN-DAN', child: null, other: 'KC-TH-DONG-TIEN' },
};
/** A user of each unit used as a target of /api/users/:id (never the acting user). */
const USER_AT: Record<Role, Record<Target, string | null>> = {
  admin: { own: 'hy.so.reviewer', child: 'kc.head', other: 'pt.so.reviewer' },
  reviewer: { own: 'kc.head', child: 'kc.th-tan-dan.head', other: 'vg.reviewer' },
  editor: { own: 'kc.th-tan-dan.head', child: null, other: 'kc.th-dong-tien.editor' },
  head: { own: 'kc.th-tan-dan.editor', child: null, other: 'kc.th-dong-tien.head' },
};

/** Which resource the route's {id} (or its body/query) points at. */
type Kind = 'none' | 'unit' | 'submission' | 'user' | 'round' | 'notification' | 'job' | 'attachment' | 'template' | 'flow' | 'regime';

interface Case {
  kind: Kind;
  expect: Record<Role, Row>;
  /** anonymous: 401 unless said otherwise */
  anon?: number;
}

const same = (r: Row): Record<Role, Row> => ({ admin: r, reviewer: r, editor: [r[0], '-', r[2]], head: [r[0], '-', r[2]] });
const adminOnly = (admin: Row): Record<Role, Row> => ({
  admin,
  reviewer: ['403', '403', '403'],
  editor: ['403', '-', '403'],
  head: ['403', '-', '403'],
});

const imagesOf = (admin: Row): Record<Role, Row> => ({
  admin,
  reviewer: ['403', '403', '404'],
  editor: ['403', '-', '404'],
  head: ['403', '-', '404'],
});

// ─────────────────────────────── THE TABLE ───────────────────────────────
// For routes without a target ('none') only the first column counts.
const TABLE: Record<string, Case> = {
  // org units — lists filter by subtree (a parentId elsewhere gives an empty list)
  'GET /api/org-units': { kind: 'unit', expect: same(['2', '2', '2']) },
  'POST /api/org-units': { kind: 'unit', expect: adminOnly(['2', '2', '404']) },
  'GET /api/org-units/{id}': { kind: 'unit', expect: same(['2', '2', '404']) },
  'PATCH /api/org-units/{id}': { kind: 'unit', expect: adminOnly(['2', '2', '404']) },
  'GET /api/org-units/{id}/tree': { kind: 'unit', expect: same(['2', '2', '404']) },
  // moving one's own unit is refused (403); a child to its current parent is a no-op
  'POST /api/org-units/{id}/move': { kind: 'unit', expect: adminOnly(['403', 'ok', '404']) },
  'GET /api/org-units/{id}/merge-preview': { kind: 'unit', expect: adminOnly(['2', '2', '404']) },
  // body: merge into the target's own child → 422 for the admin (never executed)
  'POST /api/org-units/{id}/merge': { kind: 'unit', expect: adminOnly(['403', 'ok', '404']) },
  'POST /api/org-units/import': { kind: 'none', expect: adminOnly(['ok', '-', '-']) },
  // users
  'GET /api/users': { kind: 'unit', expect: adminOnly(['2', '2', '2']) },
  'POST /api/users': { kind: 'unit', expect: adminOnly(['2', '2', '404']) },
  'PATCH /api/users/{id}': { kind: 'user', expect: adminOnly(['2', '2', '404']) },
  'POST /api/users/import': { kind: 'none', expect: adminOnly(['ok', '-', '-']) },
  // the audit log ("Nhật ký"): an admin, of the people of their subtree; a unit elsewhere does not exist
  'GET /api/audit': { kind: 'unit', expect: adminOnly(['2', '2', '404']) },
  // auth: wrong password for everyone, anonymous included
  'POST /api/auth/login': { kind: 'none', expect: same(['ref', '-', '-']), anon: 401 },
  // "Quên mật khẩu": public, the same 202 for any username; a bogus reset link is 422 for everyone
  'POST /api/auth/forgot-password': { kind: 'none', expect: same(['2', '-', '-']), anon: 202 },
  'POST /api/auth/reset-password': { kind: 'none', expect: same(['422', '-', '-']), anon: 422 },
  'GET /api/me': { kind: 'none', expect: same(['2', '-', '-']) },
  // notifications are personal: another user's is 404 whoever asks
  'GET /api/notifications': { kind: 'none', expect: same(['2', '-', '-']) },
  'POST /api/notifications/{id}/read': { kind: 'notification', expect: same(['2', '404', '404']) },
  'POST /api/notifications/read-all': { kind: 'none', expect: same(['2', '-', '-']) },
  // templates and flows: own = owned by Sở Hưng Yên (read by its subtree), other = owned by Sở Phú Thọ
  'GET /api/templates': { kind: 'none', expect: same(['2', '-', '-']) },
  'GET /api/templates/{code}/versions': { kind: 'template', expect: same(['2', '-', '404']) },
  // a code another province owns: 409 "already used" (codes are one national namespace)
  'POST /api/templates/{code}/versions': { kind: 'template', expect: adminOnly(['2', '-', 'ref']) },
  'GET /api/templates/{code}/versions/{version}': { kind: 'template', expect: same(['2', '-', '404']) },
  'PUT /api/templates/{code}/versions/{version}': {
    kind: 'template',
    expect: { admin: ['ok', '-', '404'], reviewer: ['403', '-', '404'], editor: ['403', '-', '404'], head: ['403', '-', '404'] },
  },
  'POST /api/templates/{code}/versions/{version}/publish': {
    kind: 'template',
    expect: { admin: ['ok', '-', '404'], reviewer: ['403', '-', '404'], editor: ['403', '-', '404'], head: ['403', '-', '404'] },
  },
  'GET /api/flows': { kind: 'none', expect: same(['2', '-', '-']) },
  'POST /api/flows/lint': { kind: 'none', expect: same(['2', '-', '-']) },
  'GET /api/flows/{code}/versions/{version}': { kind: 'flow', expect: same(['2', '-', '404']) },
  'POST /api/flows/{code}/versions': { kind: 'flow', expect: adminOnly(['2', '-', 'ref']) },
  'POST /api/flows/{code}/versions/{version}/publish': {
    kind: 'flow',
    expect: { admin: ['ok', '-', '404'], reviewer: ['403', '-', '404'], editor: ['403', '-', '404'], head: ['403', '-', '404'] },
  },
  // rounds: own = the Hưng Yên round (rooted above everyone here), other = the Phú Thọ round
  'GET /api/rounds': { kind: 'none', expect: same(['2', '-', '-']) },
  'POST /api/rounds': { kind: 'unit', expect: adminOnly(['2', '2', '404']) },
  'POST /api/rounds/preview': { kind: 'unit', expect: same(['2', '2', '404']) },
  'GET /api/rounds/{id}': { kind: 'round', expect: same(['2', '-', '404']) },
  'GET /api/rounds/{id}/progress': { kind: 'round', expect: same(['2', '-', '404']) },
  // "Nhắc tất cả đơn vị trễ hạn": reviewers and admins of a round they see; no late child here is fine (2xx)
  'POST /api/rounds/{id}/remind-late': {
    kind: 'round',
    expect: { admin: ['2', '-', '404'], reviewer: ['2', '-', '404'], editor: ['403', '-', '404'], head: ['403', '-', '404'] },
  },
  // "Nhắc" one unit: only from above it (its own people are refused); handed in or reminded this hour: a refusal
  'POST /api/submissions/{id}/remind': {
    kind: 'submission',
    expect: { admin: ['403', 'ok', '404'], reviewer: ['403', 'ok', '404'], editor: ['403', '-', '404'], head: ['403', '-', '404'] },
  },
  // the reviewer's list: a report of another subtree is left out (summary) or refused by position (bulk accept)
  'GET /api/submissions/review-summary': { kind: 'submission', expect: same(['2', '2', '2']) },
  'POST /api/submissions/bulk-accept': { kind: 'submission', expect: same(['2', '2', '2']) },
  // submissions
  'GET /api/my-work': { kind: 'none', expect: same(['2', '-', '-']) },
  'GET /api/submissions': { kind: 'unit', expect: same(['2', '2', '2']) },
  'GET /api/submissions/{id}': { kind: 'submission', expect: same(['2', '2', '404']) },
  // only the unit's own editor/reviewer/head writes its data; the admin role alone may not
  'PUT /api/submissions/{id}/data': {
    kind: 'submission',
    expect: { admin: ['403', '403', '404'], reviewer: ['ok', '403', '404'], editor: ['ok', '-', '404'], head: ['403', '-', '404'] },
  },
  // SUBMIT: a refusal everywhere here (state, role or incomplete form), and 404 for another subtree
  'POST /api/submissions/{id}/events': {
    kind: 'submission',
    expect: { admin: ['ref', 'ref', '404'], reviewer: ['ref', '403', '404'], editor: ['422', '-', '404'], head: ['403', '-', '404'] },
  },
  'GET /api/submissions/{id}/history': { kind: 'submission', expect: same(['2', '2', '404']) },
  'GET /api/submissions/{id}/children': { kind: 'submission', expect: same(['2', '2', '404']) },
  // the last RETURN of a submission never returned: 404 "never returned" when visible, 404 "not found" otherwise
  'GET /api/submissions/{id}/returned': { kind: 'submission', expect: same(['404', '404', '404']) },
  'GET /api/submissions/{id}/previous': { kind: 'submission', expect: same(['2', '2', '404']) },
  // sources of a submission never compiled: 404 "not compiled" when visible, 404 "not found" otherwise
  'GET /api/submissions/{id}/sources': { kind: 'submission', expect: same(['404', '404', '404']) },
  'GET /api/submissions/{id}/verify': { kind: 'submission', expect: same(['2', '2', '404']) },
  'GET /api/submissions/{id}/attachments': { kind: 'submission', expect: same(['2', '2', '404']) },
  // only the unit that reports attaches evidence (any of its users)
  'POST /api/submissions/{id}/attachments': {
    kind: 'submission',
    expect: { admin: ['2', '403', '404'], reviewer: ['2', '403', '404'], editor: ['2', '-', '404'], head: ['2', '-', '404'] },
  },
  'GET /api/attachments/{id}': { kind: 'attachment', expect: same(['2', '2', '404']) },
  // exports (xlsx of a draft); jobs are personal: only the requester sees one (another user's is 404)
  'GET /api/submissions/{id}/export': { kind: 'submission', expect: same(['2', '2', '404']) },
  'GET /api/jobs/{id}': { kind: 'job', expect: same(['2', '404', '404']) },
  'GET /api/jobs/{id}/file': { kind: 'job', expect: same(['ok', '404', '404']) },
  // reporting regimes: own = Khoái Châu's plan (owned by Sở Hưng Yên), other = Phú Thọ's; read by the subtree
  'GET /api/regimes': { kind: 'none', expect: same(['2', '-', '-']) },
  'POST /api/regimes': { kind: 'none', expect: adminOnly(['ok', '-', '-']) },
  'POST /api/regimes/open-due': { kind: 'none', expect: adminOnly(['ok', '-', '-']) },
  // the regime editor's and the round wizard's checks before saving or opening: admins only, nothing written
  'POST /api/regimes/draft/preview': { kind: 'none', expect: adminOnly(['2', '-', '-']) },
  'POST /api/regimes/check-deadlines': { kind: 'unit', expect: adminOnly(['2', '2', '404']) },
  'PATCH /api/regimes/{code}': {
    kind: 'regime',
    expect: { admin: ['ok', '-', '404'], reviewer: ['403', '-', '404'], editor: ['403', '-', '404'], head: ['403', '-', '404'] },
  },
  'GET /api/regimes/{code}/preview': { kind: 'regime', expect: same(['2', '-', '404']) },
  // the working-day calendar is national: only the root's admin adjusts it (a province admin too is refused)
  'GET /api/calendar/{year}': { kind: 'none', expect: same(['2', '-', '-']) },
  'POST /api/calendar/adjustments': { kind: 'none', expect: same(['403', '-', '-']) },
  'DELETE /api/calendar/adjustments/{date}': { kind: 'none', expect: same(['403', '-', '-']) },
  // roles a province defines: read by everyone, written by admins (an unknown id is 404 or 403)
  'GET /api/roles': { kind: 'none', expect: same(['2', '-', '-']) },
  // unit kinds' Vietnamese labels: read by everyone; the top admin names a kind for all, a province admin for its
  // own subtree (a per-province name over the national one), and may go back to the national name
  'GET /api/unit-kinds': { kind: 'none', expect: same(['2', '-', '-']) },
  'PUT /api/unit-kinds/{code}': { kind: 'none', expect: adminOnly(['2', '-', '-']) },
  'DELETE /api/unit-kinds/{code}/local': { kind: 'none', expect: adminOnly(['2', '-', '-']) },
  'POST /api/roles': { kind: 'none', expect: adminOnly(['ok', '-', '-']) },
  'PATCH /api/roles/{id}': { kind: 'none', expect: same(['no', '-', '-']) },
  // one's own session: logout revokes one's tokens (the matrix signs in again); a wrong current password is refused
  'POST /api/auth/logout': { kind: 'none', expect: same(['2', '-', '-']) },
  'POST /api/auth/password': { kind: 'none', expect: same(['ref', '-', '-']) },
  // the own-password screen: with a wrong current password every role gets the 422, never a change
  'POST /api/me/password': { kind: 'none', expect: same(['ref', '-', '-']) },
  'GET /api/submissions/{id}/compile-preview': { kind: 'submission', expect: same(['ok', 'ok', '404']) },
  'GET /api/submissions/{id}/attachments/quota': { kind: 'submission', expect: same(['2', '2', '404']) },
  'GET /api/submissions/{id}/signatures': { kind: 'submission', expect: same(['2', '2', '404']) },
  // the USB-token steps belong to the unit's head; before SIGN they are refused
  'POST /api/submissions/{id}/pdf-signature/prepare': { kind: 'submission', expect: same(['ref', 'ref', '404']) },
  'POST /api/submissions/{id}/pdf-signature/complete': { kind: 'submission', expect: same(['ref', 'ref', '404']) },
  // verifying a PDF received by e-mail: any signed-in user; an upload that is not a PDF is refused
  'POST /api/verify-pdf': { kind: 'none', expect: same(['ok', '-', '-']) },
  // signature images (a person's) and seal images (a unit's): an admin of the subtree (none stored: 204;
  // the 1 px test PNG is refused 400 as too small); others see the thing but may not act (403)
  'GET /api/users/{id}/signature-image': { kind: 'user', expect: imagesOf(['2', '2', '404']) },
  'PUT /api/users/{id}/signature-image': { kind: 'user', expect: imagesOf(['ok', 'ok', '404']) },
  'DELETE /api/users/{id}/signature-image': { kind: 'user', expect: imagesOf(['2', '2', '404']) },
  'GET /api/org-units/{id}/seal-image': { kind: 'unit', expect: imagesOf(['2', '2', '404']) },
  'PUT /api/org-units/{id}/seal-image': { kind: 'unit', expect: imagesOf(['ok', 'ok', '404']) },
  'DELETE /api/org-units/{id}/seal-image': { kind: 'unit', expect: imagesOf(['2', '2', '404']) },
  // what the user last saw of a report: anyone who sees the report; a hash that is not the current content → 409
  'GET /api/submissions/{id}/seen': { kind: 'submission', expect: same(['2', '2', '404']) },
  'PUT /api/submissions/{id}/seen': { kind: 'submission', expect: same(['ok', 'ok', '404']) },
};

function matches(cls: Cls, status: number): boolean {
  switch (cls) {
    case '2':
      return status >= 200 && status < 300;
    case 'ok':
      return (status >= 200 && status < 300) || [400, 409, 422].includes(status);
    case 'no':
      return status === 403 || status === 404;
    case 'ref':
      return [401, 403, 404, 409, 422].includes(status);
    default:
      return String(status) === cls;
  }
}

describe('authorization matrix (every route × role × target)', () => {
  let sut: Awaited<ReturnType<typeof startSuiteApp>>;
  let api: Api;
  let w: World;
  const token: Record<string, string> = {};
  let routes: string[] = [];
  const ids = {
    notification: {} as Record<string, string>, // username → a notification of that user
    job: {} as Record<string, string>, // username → an export job that user requested
    attachment: {} as Record<string, string>, // unit code → attachment id
    template: { own: 'hy-rieng', other: 'pt-rieng' },
    flow: { own: 'hy-quy-trinh', other: 'pt-quy-trinh' },
  };
  let templateBody: { schema: unknown; uiSchema: unknown; document: unknown; title: string; periodKind: string };
  let flowMachine: unknown;
  let serial = 0;
  const findings: string[] = [];
  const leaks: string[] = [];

  beforeAll(async () => {
    sut = await startSuiteApp();
    api = new Api(sut.app.url);
    w = await loadWorld(sut.sql);
    const users = [
      ...Object.values(ROLES).map((r) => r.user),
      'pt.admin',
      'hy.so.reviewer',
      'vg.reviewer',
      'kc.th-dong-tien.editor',
      'pt.so.reviewer',
    ];
    Object.assign(token, await api.logins(users));
    const doc = await api.get('/api/docs-json');
    expect(doc.status).toBe(200);
    routes = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );

    // a template and a flow owned by each province
    const tpl = await api.get('/api/templates/khoai-chau-bdg-2016-2020/versions/1', token['hy.admin']);
    templateBody = { schema: tpl.body.schema, uiSchema: tpl.body.uiSchema, document: tpl.body.document, title: 'Mẫu riêng', periodKind: tpl.body.periodKind };
    const flow = await api.get('/api/flows/truong/versions/1', token['hy.admin']);
    flowMachine = flow.body.machine;
    for (const [who, t, f] of [
      ['hy.admin', ids.template.own, ids.flow.own],
      ['pt.admin', ids.template.other, ids.flow.other],
    ] as const) {
      const a = await api.post(`/api/templates/${t}/versions`, token[who], templateBody);
      expect(a.status, a.text).toBe(201);
      const b = await api.post(`/api/flows/${f}/versions`, token[who], { machine: flowMachine });
      expect(b.status, b.text).toBe(201);
    }
    // one attachment on the submission of each unit involved
    for (const [code, who] of [
      ['SO-HY', 'hy.so.reviewer'],
      ['PGD-KC', 'kc.reviewer'],
      ['KC-TH-TAN-DAN', 'kc.th-tan-dan.editor'],
      ['PGD-VG', 'vg.reviewer'],
      ['KC-TH-DONG-TIEN', 'kc.th-dong-tien.editor'],
      ['SO-PT', 'pt.so.reviewer'],
    ] as const) {
      const form = new FormData();
      form.append('file', new Blob([PNG_1PX], { type: 'image/png' }), 'minh-chung.png');
      const r = await api.req('POST', `/api/submissions/${w.sub[code]}/attachments`, { token: token[who], form });
      expect(r.status, `${code}: ${r.text}`).toBe(201);
      ids.attachment[code] = r.body.id;
    }
    // an export job requested by each user who acts or is a target here
    for (const who of new Set([...Object.values(ROLES).map((r) => r.user), ...Object.values(USER_AT).flatMap((t) => Object.values(t))])) {
      if (!who) continue;
      token[who] ??= await api.login(who);
      const unitCode = Object.entries(w.unit).find(([, u]) => u.id === w.user[who]!.unitId)![0];
      const r = await api.get(`/api/submissions/${w.sub[unitCode]}/export?format=xlsx&async=1`, token[who]);
      expect(r.status, `${who}: ${r.text}`).toBe(202);
      ids.job[who] = r.body.jobId;
    }
    // one notification for every demo user
    for (const [name, u] of Object.entries(w.user)) {
      const [n] = await sut.sql.q<{ id: string }>(
        `INSERT INTO notification (user_id, kind, message) VALUES ($1, 'test', $2) RETURNING id`,
        [u.id, `Thông báo thử cho ${name}`],
      );
      ids.notification[name] = n!.id;
    }
  });
  afterAll(async () => {
    if (findings.length) console.log(`authz findings:\n  ${findings.join('\n  ')}`);
    await sut?.close();
  });

  it('the table covers every route the app serves, and only those', () => {
    const missing = routes.filter((r) => !TABLE[r]);
    const stale = Object.keys(TABLE).filter((r) => !routes.includes(r));
    expect(missing, 'routes with no expected answers in TABLE — add a row').toEqual([]);
    expect(stale, 'rows in TABLE for routes the app no longer serves').toEqual([]);
    expect(routes.length).toBeGreaterThan(40);
  });

  /** The units (and what hangs off them) a role must never see: neither in its subtree nor above it. */
  function forbiddenIds(role: Role): Map<string, string> {
    const me = w.unit[ROLES[role].own]!;
    const out = new Map<string, string>();
    const hidden = new Set<string>();
    for (const [code, u] of Object.entries(w.unit)) {
      if (isBelowOrSame(u.path, me.path) || isBelowOrSame(me.path, u.path)) continue;
      if (!/^(SO-|PGD-|KC-|VG-|KD-|XA-|PT-)/.test(code)) continue; // the demo provinces only
      hidden.add(u.id);
      out.set(u.id, `unit ${code}`);
      if (w.sub[code]) out.set(w.sub[code]!, `submission of ${code}`);
      if (ids.attachment[code]) out.set(ids.attachment[code]!, `attachment of ${code}`);
    }
    for (const [name, u] of Object.entries(w.user)) if (hidden.has(u.unitId)) out.set(u.id, `user ${name}`);
    out.set(w.round.pt, 'round of Phú Thọ');
    return out;
  }

  function resolve(kind: Kind, role: Role, target: Target): Record<string, string> | null {
    const r = ROLES[role];
    const code = target === 'own' ? r.own : target === 'child' ? r.child : r.other;
    if (!code && ['unit', 'submission', 'attachment'].includes(kind)) return null;
    switch (kind) {
      case 'none':
        return target === 'own' ? {} : null;
      case 'unit':
        return { id: w.unit[code!]!.id };
      case 'submission':
        return { id: w.sub[code!]! };
      case 'attachment':
        return { id: ids.attachment[code!]! };
      case 'user': {
        const u = USER_AT[role][target];
        return u ? { id: w.user[u]!.id } : null;
      }
      case 'round':
        return target === 'child' ? null : { id: target === 'own' ? w.round.hy : w.round.pt };
      case 'notification':
      case 'job': {
        const u = target === 'own' ? r.user : target === 'child' ? USER_AT[role].child ?? null : USER_AT[role].other;
        return u ? { id: ids[kind][u]! } : null;
      }
      case 'template':
        return target === 'child' ? null : { code: ids.template[target], version: '1' };
      case 'flow':
        return target === 'child' ? null : { code: ids.flow[target], version: '1' };
      case 'regime':
        return target === 'child' ? null : { code: target === 'own' ? 'khoai-chau-bdg-6-thang' : 'phu-tho-vstbpn-6-thang' };
    }
  }

  /** A request that, were authorization missing, would succeed: valid bodies, harmless effects. */
  async function build(route: string, role: Role | 'anon', p: Record<string, string>) {
    const [method, tpl] = route.split(' ') as [string, string];
    let path = tpl.replace(/\{(\w+)\}/g, (_, k: string) => p[k] ?? '00000000-0000-4000-8000-000000000000');
    const unitId = p.id;
    const n = ++serial;
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
        const cur = await sut.sql.one<{ name: string }>('SELECT name FROM org_unit WHERE id = $1', [p.id]);
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
        const cur = await sut.sql.one<{ full_name: string }>('SELECT full_name FROM app_user WHERE id = $1', [p.id]);
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
        const list = await api.get('/api/regimes', token['hy.admin']);
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
        const cur = await sut.sql.one<{ version: number }>('SELECT version FROM submission WHERE id = $1', [p.id]);
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

  const check = (route: string, who: string, target: string, cls: Cls | number, res: Res) => {
    const ok = typeof cls === 'number' ? res.status === cls : matches(cls, res.status);
    if (!ok) findings.push(`${route} as ${who} on ${target}: expected ${cls}, got ${res.status} ${res.text.slice(0, 160)}`);
  };

  for (const role of ['admin', 'reviewer', 'editor', 'head'] as Role[]) {
    it(`${role}: every route answers as the table says, and no 2xx body carries another subtree`, async () => {
      const hidden = forbiddenIds(role);
      expect(hidden.size).toBeGreaterThan(10);
      const before = findings.length;
      let sent = 0;
      for (const route of routes) {
        const c = TABLE[route];
        if (!c) continue;
        for (const [i, target] of (['own', 'child', 'other'] as Target[]).entries()) {
          const cls = c.expect[role][i]!;
          if (cls === '-') continue;
          const p = resolve(c.kind, role, target);
          if (!p) continue;
          const { method, path, body, form } = await build(route, role, p);
          const res = await api.req(method, path, { token: token[ROLES[role].user], body, form });
          sent++;
          // Logging out revokes every token of the user: sign in again for the rest of the table.
          if (route === 'POST /api/auth/logout') token[ROLES[role].user] = await api.login(ROLES[role].user);
          expect(res.status, `${route} ${target}: 5xx ${res.text}`).toBeLessThan(500);
          check(route, role, target, cls, res);
          if (res.status < 300) {
            for (const [id, what] of hidden) if (res.text.includes(id)) leaks.push(`${route} as ${role} (${target}) shows ${what}`);
          }
        }
      }
      expect(sent).toBeGreaterThan(role === 'admin' || role === 'reviewer' ? 100 : 70);
      expect(leaks, 'data of another subtree in a 2xx response').toEqual([]);
      expect(findings.slice(before), 'answers that differ from the table').toEqual([]);
    });
  }

  it('anonymous: every route is 401 (login: 401 for a wrong password)', async () => {
    const before = findings.length;
    for (const route of routes) {
      const c = TABLE[route];
      if (!c) continue;
      const p = resolve(c.kind, 'admin', c.kind === 'none' ? 'own' : 'child') ?? resolve(c.kind, 'admin', 'own')!;
      const { method, path, body, form } = await build(route, 'anon', p);
      const res = await api.req(method, path, { body, form });
      check(route, 'anonymous', '-', c.anon ?? 401, res);
    }
    expect(findings.slice(before)).toEqual([]);
  });

  it('admin / ADMIN_PASSWORD (root) sees both provinces; a province admin cannot reach the root', async () => {
    const root = await api.login('admin', ADMIN_PASSWORD);
    expect((await api.get(`/api/submissions/${w.sub['SO-PT']}`, root)).status).toBe(200);
    expect((await api.get(`/api/org-units/${w.unit['BGDDT']!.id}/tree`, token['hy.admin'])).status).toBe(404);
    expect((await api.post('/api/org-units', token['hy.admin'], { code: 'MX-ROOT', name: 'x', kind: 'so', parentId: w.unit['BGDDT']!.id })).status).toBe(404);
  });
});

function csv(text: string) {
  const f = new FormData();
  f.append('file', new Blob([text], { type: 'text/csv' }), 'data.csv');
  return f;
}
