/**
 * Property-based fuzzing of every write endpoint (POST/PUT/PATCH, from /api/docs-json) with hostile
 * payloads: wrong types, huge strings, deep nesting, __proto__/constructor keys, unicode tricks, SQL.
 * Properties: never a 5xx, the process stays up, and a refused request changes no stored row.
 * FUZZ_RUNS (total payloads, default 1500 for CI; 10000 for the full run) and FUZZ_SEED.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSuiteApp, ADMIN_PASSWORD } from '../support/app.js';
import { Api } from '../support/http.js';
import { loadWorld, type World } from '../support/world.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

const SQL = ["' OR '1'='1", "'; DROP TABLE submission; --", "1; SELECT pg_sleep(5)", "$$; DELETE FROM org_unit; $$", "' UNION SELECT password_hash FROM app_user --", '\\x00', "E'\\\\'"];
const TRICKS = ['\u0000', '\u202egnp.exe', 'a\u0301\u0301\u0301', '\ud800', '\ufeff', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'Đ\u0110đ', '${7*7}', '{{constructor.constructor("return process")()}}', '../../etc/passwd', '<img src=x onerror=alert(1)>', 'NaN', '-0', '1e309', '__proto__', 'constructor', 'prototype', 'toString'];
const EVENTS = ['SUBMIT', 'SIGN', 'ACCEPT', 'RETURN', 'REJECT', 'COMPILE', 'submit', ''];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SQL, ...TRICKS, ...EVENTS) },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'Ấ'.repeat(n)) },
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.constantFrom(null, true, false, 0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e308),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('v'), { maxKeys: 4 }),
  ),
})).v;

function nest(depth: number, leaf: unknown = 1): string {
  return '{"a":'.repeat(depth) + JSON.stringify(leaf) + '}'.repeat(depth);
}

/** A payload as raw JSON text (so __proto__ really is a key), built from the DTO's keys or not at all. */
function payloads(keys: string[]): fc.Arbitrary<{ text: string; type?: string }> {
  const json = (v: unknown) => ({ text: JSON.stringify(v) ?? 'null' });
  const shaped = keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] }).map(json)
    : fc.constant(json({}));
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    { weight: 2, arbitrary: hostileValue.map(json) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 2_000 }).map((d) => ({ text: nest(d) })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...keys, 'data', 'roles').map((k) => ({
        text: `{"__proto__":{"roles":["admin"],"isAdmin":true,"${k}":1},"constructor":{"prototype":{"roles":["admin"]}},"${k}":{"__proto__":{"x":1}}}`,
      })),
    },
    // a few MB: over the JSON limit (413) or just under it
    { weight: 1, arbitrary: fc.constantFrom(1.9, 2.5, 4).map((mb) => ({ text: JSON.stringify({ [keys[0] ?? 'x']: 'x'.repeat(Math.floor(mb * 1024 * 1024)) }) })) },
    { weight: 1, arbitrary: fc.constantFrom('{"a":', 'null', '[]', '"x"', '1', 'true', '{"a":1}garbage', '\u0000').map((text) => ({ text })) },
    { weight: 1, arbitrary: hostileString.map((s) => ({ text: s, type: 'text/plain' })) },
    { weight: 1, arbitrary: shaped.map((p) => ({ ...p, type: 'application/x-www-form-urlencoded' })) },
  );
}

/** A digest of every row a write could touch (attachments without their bytes). */
const SNAPSHOT = `SELECT
  (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY id), '')) FROM org_unit t) AS org,
  (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY id), '')) FROM app_user t) AS users,
  (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY id), '')) FROM template_version t) AS templates,
  (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY id), '')) FROM flow_version t) AS flows,
  (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY id), '')) FROM round t) AS rounds,
  (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY id), '')) FROM submission t) AS submissions,
  (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY id), '')) FROM transition_log t) AS log,
  (SELECT md5(coalesce(string_agg(id::text || sha256, '|' ORDER BY id), '')) FROM attachment) AS attachments,
  (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY id), '')) FROM notification t) AS notifications`;

describe(`fuzzing every write endpoint (${RUNS} payloads, seed ${SEED})`, () => {
  let sut: Awaited<ReturnType<typeof startSuiteApp>>;
  let api: Api;
  let w: World;
  let adminsBefore: string[] = [];
  const tok: Record<string, string> = {};
  let routes: { method: string; path: string; keys: string[]; multipart: boolean }[] = [];

  beforeAll(async () => {
    sut = await startSuiteApp();
    api = new Api(sut.app.url);
    w = await loadWorld(sut.sql);
    adminsBefore = (await sut.sql.q<{ username: string }>(`SELECT username FROM app_user WHERE 'admin' = ANY(roles) ORDER BY 1`)).map((a) => a.username);
    tok.root = await api.login('admin', ADMIN_PASSWORD);
    Object.assign(tok, await api.logins(['kc.th-tan-dan.editor', 'kc.reviewer']));
    const doc = (await api.get('/api/docs-json')).body;
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>))
      for (const [m, op] of Object.entries(ops)) {
        if (!['post', 'put', 'patch'].includes(m)) continue;
        const content = op.requestBody?.content ?? {};
        const ref: string | undefined = content['application/json']?.schema?.$ref;
        const schema = ref ? doc.components.schemas[ref.split('/').pop()!] : content['application/json']?.schema;
        routes.push({ method: m.toUpperCase(), path, keys: Object.keys(schema?.properties ?? {}), multipart: !!content['multipart/form-data'] || /import|attachments/.test(path) });
      }
    routes = routes.sort((a, b) => (a.path + a.method).localeCompare(b.path + b.method));
  });
  afterAll(() => sut?.close());

  /** Path parameters that exist and that the caller may touch, so the handler's own checks run. */
  function target(path: string): { url: string; token: string } {
    const school = w.sub['KC-TH-TAN-DAN']!;
    const url = path
      .replace('/api/submissions/{id}', `/api/submissions/${school}`)
      .replace('/api/org-units/{id}', `/api/org-units/${w.unit['KC-TH-DONG-TIEN']!.id}`)
      .replace('/api/users/{id}', `/api/users/${w.user['kc.th-dong-tien.editor']!.id}`)
      .replace('/api/notifications/{id}', '/api/notifications/00000000-0000-4000-8000-000000000000')
      .replace('{code}', 'khoai-chau-bdg-2016-2020')
      .replace('{version}', '1');
    const token = path.startsWith('/api/submissions') ? tok['kc.th-tan-dan.editor']! : tok.root!;
    return { url, token };
  }

  it('finds every write route in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(15);
  });

  it('never answers 5xx, stays up, and a refused request changes nothing', async () => {
    const perRoute = Math.max(5, Math.ceil(RUNS / routes.length));
    const statuses = new Map<string, Map<number, number>>();
    const problems: string[] = [];
    let snap = await sut.sql.one(SNAPSHOT);
    for (const r of routes) {
      const { url, token } = target(r.path);
      const counts = new Map<number, number>();
      statuses.set(`${r.method} ${r.path}`, counts);
      const arb = r.multipart
        ? fc.record({ name: hostileString, bytes: fc.uint8Array({ maxLength: 2048 }), csv: fc.array(fc.array(hostileString, { maxLength: 6 }), { maxLength: 6 }) })
        : payloads(r.keys);
      // fc.sample, not fc.assert: every payload runs (no stop at the first failure, no shrinking of
      // multi-megabyte counterexamples); problems are collected with a short excerpt of the payload.
      for (const p of fc.sample(arb as fc.Arbitrary<any>, { numRuns: perRoute, seed: SEED })) {
        let res;
        if (r.multipart) {
          const form = new FormData();
          const body = p.bytes.length % 2 ? p.bytes : new TextEncoder().encode(p.csv.map((row: string[]) => row.join(',')).join('\n'));
          form.append('file', new Blob([body]), p.name);
          res = await api.req(r.method, url + (url.includes('import') ? '?dryRun=1' : ''), { token, form });
        } else {
          res = await api.req(r.method, url, { token, raw: { data: p.text, type: p.type ?? 'application/json' } });
        }
        counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
        const what = String(p.text ?? p.name).slice(0, 80) + ` (${String(p.text ?? '').length} chars)`;
        if (res.status >= 500) problems.push(`${r.method} ${r.path} → ${res.status} for ${what}`);
        else if (res.status >= 400) {
          if (typeof res.body?.message !== 'string') problems.push(`${r.method} ${r.path} → ${res.status} without a message`);
          const now = await sut.sql.one(SNAPSHOT);
          const changed = Object.keys(now).filter((k) => now[k] !== snap[k]);
          if (changed.length) problems.push(`${r.method} ${r.path} refused (${res.status}) yet changed ${changed} for ${what}`);
          snap = now;
        } else snap = await sut.sql.one(SNAPSHOT); // an accepted write may change its own rows
      }
      expect((await api.get('/healthz')).status).toBe(200);
    }
    const table = [...statuses].map(([k, c]) => `${k.padEnd(58)} ${[...c].sort().map(([s, n]) => `${s}×${n}`).join(' ')}`);
    console.log(`fuzz, seed ${SEED}, ${perRoute} payloads per route, ${perRoute * routes.length} in all:\n${table.join('\n')}`);
    const distinct = [...new Set(problems.map((x) => x.replace(/ for .*$/, '')))];
    console.log(`fuzz problems (${problems.length}):\n  ${problems.slice(0, 40).join('\n  ')}`);
    expect(distinct).toEqual([]);
  });

  // class-transformer recurses once per level: the depth guard must refuse such bodies before it runs.
  it('deeply nested JSON (5,000 and 50,000 levels) is refused with 400/413, not 500', async () => {
    for (const d of [5_000, 50_000]) {
      const r = await api.req('POST', '/api/org-units', { token: tok.root, raw: { data: nest(d), type: 'application/json' } });
      expect([400, 413, 422], `depth ${d}`).toContain(r.status);
    }
  });

  // Nothing to change (an empty JSON object, or a non-JSON content type that leaves the body empty).
  it('PATCH /api/users/:id with an empty body answers 200 or 400/422, not 500', async () => {
    const id = w.user['kc.th-dong-tien.editor']!.id;
    for (const raw of [{ data: '{}', type: 'application/json' }, { data: 'x', type: 'text/plain' }]) {
      const r = await api.req('PATCH', `/api/users/${id}`, { token: tok.root, raw });
      expect(r.status, raw.type).toBeLessThan(500);
    }
  });

  it('afterwards: nobody became admin, prototypes are clean, the editor is still refused admin routes', async () => {
    const me = await api.get('/api/me', tok['kc.th-tan-dan.editor']);
    expect(me.body.roles).toEqual(['editor']);
    expect((await api.post('/api/users', tok['kc.th-tan-dan.editor'], { username: 'x.y.z', password: 'Password1!', fullName: 'x', unitId: w.unit['KC-TH-TAN-DAN']!.id, roles: ['admin'] })).status).toBe(403);
    const admins = await sut.sql.q(`SELECT username FROM app_user WHERE 'admin' = ANY(roles) ORDER BY 1`);
    // exactly the seeded admins (every demo province has its own), none added by the fuzzing
    expect(admins.map((a) => a.username)).toEqual(adminsBefore);
    expect(adminsBefore).toContain('hy.admin');
    expect(({} as Record<string, unknown>).roles).toBeUndefined();
    const verify = await api.get(`/api/submissions/${w.sub['KC-TH-TAN-DAN']}/verify`, tok['kc.reviewer']);
    expect(verify.body.ok).toBe(true);
  });
});
