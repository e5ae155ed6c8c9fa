/**
 * Authorization matrix, generated from the route table the app serves (/api/docs-json):
 * every route × role × target, with the expected answer class written down in authz-table.ts.
 * Asserts zero leaks: no 2xx where the user must not act or see, another subtree's things are 404,
 * and no id of another subtree appears in any 2xx body. A route missing from the table fails the suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSuiteApp, ADMIN_PASSWORD } from '../support/app.js';
import { Api, type Res } from '../support/http.js';
import { isBelowOrSame, loadWorld, type World } from '../support/world.js';
import { PNG_1PX } from '../support/files.js';
import { buildRequest } from './authz-requests.js';
import { type Cls, type Kind, matches, type Role, ROLES, TABLE, type Target, USER_AT } from './authz-table.js';

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
  const request = (route: string, role: Role | 'anon', p: Record<string, string>) =>
    buildRequest({ w, sql: sut.sql, templateBody, flowMachine, api, adminToken: token['hy.admin']!, next: () => ++serial }, route, role, p);

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
          const { method, path, body, form } = await request(route, role, p);
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
      const { method, path, body, form } = await request(route, 'anon', p);
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
