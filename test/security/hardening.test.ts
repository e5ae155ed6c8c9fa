/**
 * Tokens, login rate limit, security headers, CORS, tamper detection (GET /verify) and uploads,
 * against the real app process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { khoaiChauReport } from '../../backend/src/test-support/khoai-chau-data.js';
import { startSuiteApp } from '../support/app.js';
import { PDF_MIN, PNG_1PX, zip } from '../support/files.js';
import { Api, decodeJwt, signJwt } from '../support/http.js';
import { loadWorld, type World } from '../support/world.js';

let sut: Awaited<ReturnType<typeof startSuiteApp>>;
let api: Api;
let w: World;
const t: Record<string, string> = {};
const SCHOOLS = ['kc.th-tan-dan', 'kc.th-dong-tien', 'kc.thcs-tan-dan', 'kc.mn-tan-dan', 'kc.th-ham-tu', 'kc.mn-binh-minh'];

beforeAll(async () => {
  sut = await startSuiteApp();
  api = new Api(sut.app.url);
  w = await loadWorld(sut.sql);
  Object.assign(t, await api.logins(['kc.reviewer', 'vg.reviewer', ...SCHOOLS.flatMap((s) => [`${s}.editor`, `${s}.head`])]));
});
afterAll(() => sut?.close());

/** Takes a school's submission to `submitted` (signed); returns its id. */
async function signedSubmission(school: string) {
  const id = w.sub[school.toUpperCase().replace('.', '-')]!;
  const cur = await api.get(`/api/submissions/${id}`, t[`${school}.editor`]);
  const saved = await api.save(t[`${school}.editor`]!, id, khoaiChauReport(school, { total: 10, women: 6, managers: 2, womenManagers: 1 }), cur.body.version);
  expect(saved.status, saved.text).toBe(200);
  expect((await api.event(t[`${school}.editor`]!, id, 'SUBMIT')).status).toBe(200);
  const signed = await api.event(t[`${school}.head`]!, id, 'SIGN');
  expect(signed.status, signed.text).toBe(200);
  return id;
}

describe('tokens', () => {
  const me = () => decodeJwt(t['kc.reviewer']!) as { sub: string; exp: number; iat: number };
  const cases: [string, () => string][] = [
    ['a tampered payload (sub changed, old signature)', () => {
      const [h, , s] = t['kc.reviewer']!.split('.');
      const body = Buffer.from(JSON.stringify({ ...me(), sub: w.user['hy.admin']!.id })).toString('base64url');
      return `${h}.${body}.${s}`;
    }],
    ['a flipped signature byte', () => {
      const tok = t['kc.reviewer']!;
      return tok.slice(0, -2) + (tok.at(-2) === 'A' ? 'B' : 'A') + tok.at(-1);
    }],
    ['expired (signed with the real secret, exp in the past)', () =>
      signJwt({ sub: me().sub, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 60 }, sut.app.jwtSecret)],
    ['alg none', () => signJwt({ sub: me().sub, exp: Math.floor(Date.now() / 1000) + 600 }, '', 'none')],
    ['alg none with a signature', () => signJwt({ sub: me().sub, exp: Math.floor(Date.now() / 1000) + 600 }, '', 'none') + 'abc'],
    ['HS512 with the same secret', () => signJwt({ sub: me().sub, exp: Math.floor(Date.now() / 1000) + 600 }, sut.app.jwtSecret, 'HS512')],
    ['HS256 with another secret', () => signJwt({ sub: me().sub, exp: Math.floor(Date.now() / 1000) + 600 }, 'not-the-secret')],
    ['a valid signature for a user who does not exist', () =>
      signJwt({ sub: '00000000-0000-4000-8000-000000000000', exp: Math.floor(Date.now() / 1000) + 600 }, sut.app.jwtSecret)],
    ['garbage', () => 'not.a.jwt'],
    ['empty bearer', () => ''],
  ];
  it.each(cases)('refuses %s with 401 and a Vietnamese message', async (_, make) => {
    const res = await api.get('/api/me', make());
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/đăng nhập/i);
  });

  it('accepts a token the test signs itself with the real secret (so the refusals above are meaningful)', async () => {
    const tok = signJwt({ sub: me().sub, exp: Math.floor(Date.now() / 1000) + 600 }, sut.app.jwtSecret);
    expect((await api.get('/api/me', tok)).body.username).toBe('kc.reviewer');
  });

  it("another user's token does not open their resources: reviewer of another Phòng gets 404, a sibling school 404", async () => {
    const id = w.sub['KC-TH-TAN-DAN']!;
    expect((await api.get(`/api/submissions/${id}`, t['vg.reviewer'])).status).toBe(404);
    expect((await api.get(`/api/submissions/${id}`, t['kc.th-dong-tien.editor'])).status).toBe(404);
    expect((await api.put(`/api/submissions/${id}/data`, t['kc.th-dong-tien.editor'], { data: {}, version: 1 })).status).toBe(404);
    expect((await api.event(t['vg.reviewer']!, id, 'ACCEPT')).status).toBe(404);
  });

  it('a deactivated user is refused at once, even with a token still valid', async () => {
    const tok = await api.login('kc.mn-thi-tran.editor');
    expect((await api.get('/api/me', tok)).status).toBe(200);
    await sut.sql.q(`UPDATE app_user SET active = false WHERE username = 'kc.mn-thi-tran.editor'`);
    expect((await api.get('/api/me', tok)).status).toBe(401);
  });
});

describe('login rate limit (LOGIN_RATE_LIMIT=5)', () => {
  it('answers 429 with a Vietnamese message after 5 attempts, and only for that account', async () => {
    const limited = await startSuiteApp({ env: { LOGIN_RATE_LIMIT: '5' } });
    try {
      const a = new Api(limited.app.url);
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await a.post('/api/auth/login', undefined, { username: 'kc.reviewer', password: `sai-${i}` })).status);
      expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      const r = await a.post('/api/auth/login', undefined, { username: 'kc.reviewer', password: 'Demo@2026!' });
      expect(r.status).toBe(429);
      expect(r.body.message).toMatch(/quá nhiều lần|thử lại/);
      // another account from the same address is not locked out by this one
      expect((await a.post('/api/auth/login', undefined, { username: 'kc.head', password: 'Demo@2026!' })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('headers and CORS', () => {
  it('sets helmet security headers on API responses and the error page', async () => {
    for (const path of ['/api/me', '/healthz', '/api/nothing-here']) {
      const r = await api.get(path, t['kc.reviewer']);
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(r.headers.get('content-security-policy'), path).toMatch(/default-src 'self'/);
      expect(r.headers.get('strict-transport-security'), path).toMatch(/max-age=/);
      expect(r.headers.get('referrer-policy'), path).toBeTruthy();
      expect(r.headers.get('x-powered-by'), path).toBeNull();
    }
  });

  it('is closed to foreign origins: no Access-Control-Allow-Origin, preflight gives nothing', async () => {
    const r = await api.get('/api/me', t['kc.reviewer'], { headers: { origin: 'https://evil.example' } });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    expect(r.headers.get('access-control-allow-credentials')).toBeNull();
    const pre = await api.req('OPTIONS', '/api/auth/login', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('never sends a stack trace: a malformed body is a 400 with a Vietnamese message', async () => {
    const r = await api.req('POST', '/api/auth/login', { raw: { data: '{"username": ', type: 'application/json' } });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/JSON/);
    expect(r.text).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('tampering in SQL is detected by GET /verify, every time', () => {
  const verify = async (id: string) => (await api.get(`/api/submissions/${id}/verify`, t['kc.reviewer'])).body;
  // each tamper gets its own signed submission, so one detection cannot hide behind another
  const tampers: [string, string, (id: string) => Promise<void>, RegExp][] = [
    ['signed data changed', 'kc.th-tan-dan', (id) => sut.sql.q(`UPDATE submission SET data = jsonb_set(data, '{I,soNu}', '5') WHERE id = $1`, [id]).then(() => {}), /thay đổi sau khi ký/],
    ['signed data changed and its hash "fixed" in signature', 'kc.th-dong-tien', async (id) => {
      await sut.sql.q(`UPDATE submission SET data = jsonb_set(data, '{I,soNu}', '5') WHERE id = $1`, [id]);
      await sut.sql.q(`UPDATE submission SET signature = jsonb_set(signature, '{hash}', to_jsonb(md5('x') || md5('y'))) WHERE id = $1`, [id]);
    }, /thay đổi sau khi ký/],
    ['a log comment rewritten with the append-only trigger disabled', 'kc.thcs-tan-dan', async (id) => {
      const c = await sut.sql.client();
      try {
        await c.query('BEGIN');
        await c.query('ALTER TABLE transition_log DISABLE TRIGGER transition_log_append_only');
        await c.query(`UPDATE transition_log SET comment = 'sửa lén' WHERE submission_id = $1 AND seq = 1`, [id]);
        await c.query('ALTER TABLE transition_log ENABLE TRIGGER transition_log_append_only');
        await c.query('COMMIT');
      } finally {
        c.release();
      }
    }, /nhật ký|log/i],
    ['a log row deleted (the last one)', 'kc.mn-tan-dan', async (id) => {
      const c = await sut.sql.client();
      try {
        await c.query('BEGIN');
        await c.query('ALTER TABLE transition_log DISABLE TRIGGER transition_log_append_only');
        await c.query(`DELETE FROM transition_log WHERE submission_id = $1 AND seq = (SELECT max(seq) FROM transition_log WHERE submission_id = $1)`, [id]);
        await c.query('ALTER TABLE transition_log ENABLE TRIGGER transition_log_append_only');
        await c.query('COMMIT');
      } finally {
        c.release();
      }
    }, /./],
    ['a log row deleted (the first one)', 'kc.th-ham-tu', async (id) => {
      const c = await sut.sql.client();
      try {
        await c.query('BEGIN');
        await c.query('ALTER TABLE transition_log DISABLE TRIGGER transition_log_append_only');
        await c.query(`DELETE FROM transition_log WHERE submission_id = $1 AND seq = 1`, [id]);
        await c.query('ALTER TABLE transition_log ENABLE TRIGGER transition_log_append_only');
        await c.query('COMMIT');
      } finally {
        c.release();
      }
    }, /./],
    ['the state changed directly', 'kc.mn-binh-minh', (id) => sut.sql.q(`UPDATE submission SET state = 'accepted', final = true WHERE id = $1`, [id]).then(() => {}), /Trạng thái/],
  ];

  it.each(tampers)('%s', async (_, school, tamper, problem) => {
    const id = await signedSubmission(school);
    const before = await verify(id);
    expect(before).toMatchObject({ ok: true, log: { ok: true } });
    await tamper(id);
    const after = await verify(id);
    expect(after.ok, JSON.stringify(after)).toBe(false);
    expect(after.problems.join(' ')).toMatch(problem);
  });

  it('the append-only trigger refuses UPDATE and DELETE on the log', async () => {
    await expect(sut.sql.q(`UPDATE transition_log SET comment = 'x'`)).rejects.toThrow(/chỉ được thêm/);
    await expect(sut.sql.q(`DELETE FROM transition_log`)).rejects.toThrow(/chỉ được thêm/);
  });
});

describe('uploads (POST /api/submissions/:id/attachments, field "file")', () => {
  let id = '';
  let editor = '';
  beforeAll(async () => {
    bomb(); // built before the uploads start, so no socket idles while 100 MB are deflated
    id = w.sub['KC-TH-THI-TRAN']!;
    editor = await api.login('kc.th-thi-tran.editor');
  });
  const upload = (name: string, data: Buffer, type = 'application/octet-stream', field = 'file') => {
    const form = new FormData();
    form.append(field, new Blob([new Uint8Array(data)], { type }), name);
    return api.req('POST', `/api/submissions/${id}/attachments`, { token: editor, form, timeoutMs: 120_000 });
  };
  const count = async () => Number((await sut.sql.one<{ n: string }>('SELECT count(*) n FROM attachment WHERE submission_id = $1', [id])).n);

  const refused: [string, () => [string, Buffer, string?], number[]][] = [
    ['an HTML page named .pdf', () => ['bao-cao.pdf', Buffer.from('<html><script>alert(1)</script></html>'), 'application/pdf'], [415]],
    ['an executable named .png', () => ['anh.png', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 0x90)]), 'image/png'], [415]],
    ['an SVG with script named .png', () => ['anh.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'image/png'], [415]],
    ['a zip renamed .docx (not an Office file)', () => ['bao-cao.docx', zip([{ name: 'a.txt', data: Buffer.from('hello') }])], [415]],
    ['a file over 10 MB', () => ['lon.pdf', Buffer.concat([PDF_MIN, Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]), 'application/pdf'], [413]],
    ['an empty file', () => ['rong.pdf', Buffer.alloc(0), 'application/pdf'], [400, 415, 422]],
  ];
  it.each(refused)('refuses %s, stores nothing, and stays up', async (_, make, codes) => {
    const n = await count();
    const [name, data, type] = make();
    const r = await upload(name, data, type);
    expect(codes, r.text).toContain(r.status);
    expect(r.body.message).toMatch(/[à-ỹđ]/i);
    expect(await count()).toBe(n);
    expect((await api.get('/healthz')).status).toBe(200);
  });

  let bombBytes: Buffer | null = null;
  const bomb = () => (bombBytes ??= zip([{ name: 'xl/workbook.bin', data: Buffer.alloc(100 * 1024 * 1024), deflate: true }]));
  it('a zip bomb (100 MB of zeros in 100 kB) is never inflated: no 5xx, the app stays up, nothing grows', async () => {
    const data = bomb();
    expect(data.length).toBeLessThan(200_000);
    const r = await upload('so-lieu.xlsx', data);
    expect(r.status).toBeLessThan(500);
    if (r.status === 201) expect(r.body.size).toBe(data.length);
    expect((await api.get('/healthz')).status).toBe(200);
  });

  // file-type calls any zip with an `xl/` entry an XLSX: the upload also checks [Content_Types].xml and the ratio.
  it('refuses a zip bomb dressed as .xlsx (no [Content_Types].xml, ratio 1000:1) with 415', async () => {
    const r = await upload('so-lieu-2.xlsx', bomb());
    expect(r.status).toBe(415);
  });

  it('refuses a missing "file" field and a second file', async () => {
    const r = await upload('anh.png', PNG_1PX, 'image/png', 'other');
    expect([400, 422]).toContain(r.status);
    const form = new FormData();
    form.append('file', new Blob([PNG_1PX]), 'a.png');
    form.append('file', new Blob([PNG_1PX]), 'b.png');
    const two = await api.req('POST', `/api/submissions/${id}/attachments`, { token: editor, form });
    expect(two.status).toBeGreaterThanOrEqual(400);
    expect(two.status).toBeLessThan(500);
  });

  const names: [string, RegExp][] = [
    ['../../../etc/passwd.png', /^passwd\.png$/],
    ['..\\..\\windows\\system32\\a.png', /^a\.png$/],
    ['/abs/path/x.png', /^x\.png$/],
    ['.htaccess', /^(htaccess|tep-dinh-kem)\.png$/],
    ['<script>alert(1)</script>.png', /^[^<>]*\.png$/],
    ['anh.php.png', /^anh\.php\.png$/],
    ['anh.png.exe', /\.png$/],
    ['a\r\nContent-Type: text/html.png', /^[^\r\n]*\.png$/],
    ['Ảnh minh chứng – trường Tân Dân.png', /^Ảnh minh chứng – trường Tân Dân\.png$/],
    ['x'.repeat(1000) + '.png', /^x{1,200}\.png$/],
  ];
  it.each(names)('keeps a good PNG named %j under a safe name', async (name, expected) => {
    const r = await upload(name, PNG_1PX, 'image/png');
    expect(r.status, r.text).toBe(201);
    expect(r.body.fileName).toMatch(expected);
    expect(r.body.mimeType).toBe('image/png');
    const file = await api.get(`/api/attachments/${r.body.id}`, editor);
    expect(file.status).toBe(200);
    const cd = file.headers.get('content-disposition') ?? '';
    expect(cd).toMatch(/^attachment;/);
    expect(cd).not.toMatch(/[\r\n]/);
    expect(cd).not.toMatch(/\.\.\//);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('a NUL byte in the file name: refused (400) or removed, never a 5xx', async () => {
    const r = await upload('bao\u0000cao.png', PNG_1PX, 'image/png');
    expect([201, 400]).toContain(r.status);
    if (r.status === 201) expect(r.body.fileName).toBe('baocao.png');
  });

  it('accepts the real types by their bytes: PDF and PNG; the file stored is the file sent', async () => {
    const r = await upload('bao-cao.pdf', PDF_MIN, 'application/pdf');
    expect(r.status, r.text).toBe(201);
    expect(r.body.mimeType).toBe('application/pdf');
    const back = await fetch(`${sut.app.url}/api/attachments/${r.body.id}`, { headers: { authorization: `Bearer ${editor}` } });
    expect(Buffer.from(await back.arrayBuffer()).equals(PDF_MIN)).toBe(true);
  });

  it('refuses uploads once the submission is signed (409), and the signature covers the attachments', async () => {
    const school = 'kc.thcs-dong-ket';
    Object.assign(t, await api.logins([`${school}.editor`, `${school}.head`]));
    const sub = w.sub[school.toUpperCase().replace('.', '-')]!;
    const form = new FormData();
    form.append('file', new Blob([PNG_1PX]), 'truoc-khi-ky.png');
    expect((await api.req('POST', `/api/submissions/${sub}/attachments`, { token: t[`${school}.editor`], form })).status).toBe(201);
    await signedSubmission(school);
    const late = new FormData();
    late.append('file', new Blob([PNG_1PX]), 'sau-khi-ky.png');
    expect((await api.req('POST', `/api/submissions/${sub}/attachments`, { token: t[`${school}.editor`], form: late })).status).toBe(409);
    expect((await api.get(`/api/submissions/${sub}/verify`, t['kc.reviewer'])).body.ok).toBe(true);
    await sut.sql.q(`UPDATE attachment SET content = '\\x00'::bytea, sha256 = md5('x') || md5('y') WHERE submission_id = $1`, [sub]);
    expect((await api.get(`/api/submissions/${sub}/verify`, t['kc.reviewer'])).body.ok).toBe(false);
  });
});
