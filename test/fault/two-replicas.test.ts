/**
 * Two API processes on one database behind a round-robin proxy written here: the journey passes
 * with consecutive requests landing on alternate processes (nothing kept in process memory).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppProcess, createSuiteDatabase, Sql } from '../support/app.js';
import { Api } from '../support/http.js';
import { fillAndSubmit, figures } from '../support/journey.js';
import { loadWorld, type World } from '../support/world.js';

/** ~30 lines: forwards each request to the next backend in turn, counts who served what. */
function roundRobin(backends: string[]) {
  let next = 0;
  const served = backends.map(() => 0);
  const server = http.createServer((req, res) => {
    const i = next++ % backends.length;
    served[i]!++;
    const target = new URL(req.url ?? '/', backends[i]);
    const up = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (r) => {
      res.writeHead(r.statusCode ?? 502, { ...r.headers, 'x-backend': String(i) });
      r.pipe(res);
    });
    up.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(up);
  });
  return {
    served,
    listen: () => new Promise<string>((ok) => server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

describe('two API processes behind a round-robin proxy', () => {
  let a: AppProcess;
  let b: AppProcess;
  let db: Awaited<ReturnType<typeof createSuiteDatabase>>;
  let proxy: ReturnType<typeof roundRobin>;
  let api: Api;
  let w: World;
  const t: Record<string, string> = {};
  const schools = ['kc.th-tan-dan', 'kc.th-dong-tien', 'kc.thcs-tan-dan'];

  beforeAll(async () => {
    db = await createSuiteDatabase();
    a = await new AppProcess({ databaseUrl: db?.url }).start();
    // the second process shares the first one's database (and its JWT secret: tokens work on both)
    b = await new AppProcess({ databaseUrl: a.databaseUrl(), jwtSecret: a.jwtSecret }).start();
    proxy = roundRobin([a.url, b.url]);
    api = new Api(await proxy.listen());
    const sql = new Sql(a.databaseUrl());
    w = await loadWorld(sql);
    await sql.end();
    Object.assign(t, await api.logins(['kc.reviewer', 'kc.head', 'hy.so.reviewer', ...schools.flatMap((s) => [`${s}.editor`, `${s}.head`])]));
  });
  afterAll(async () => {
    await proxy?.close();
    await b?.dispose();
    await a?.dispose();
    await db?.drop();
  });

  it('runs the journey: three schools signed and accepted, the Phòng compiles, signs, the Sở accepts', async () => {
    for (const [n, s] of schools.entries()) {
      const id = w.sub[s.toUpperCase().replace('.', '-')]!;
      await fillAndSubmit(api, t[`${s}.editor`]!, id, s, n);
      const signed = await api.event(t[`${s}.head`]!, id, 'SIGN');
      expect(signed.status, signed.text).toBe(200);
      const accepted = await api.event(t['kc.reviewer']!, id, 'ACCEPT');
      expect(accepted.status, accepted.text).toBe(200);
      expect(accepted.body.state).toBe('accepted');
    }
    const phong = w.sub['PGD-KC']!;
    const compiled = await api.event(t['kc.reviewer']!, phong, 'COMPILE');
    expect(compiled.status, compiled.text).toBe(200);
    expect(compiled.body.compiled).toMatchObject({ included: 3, stale: false });
    expect(compiled.body.data.I.tongSoCBGVNV).toBe([0, 1, 2].reduce((s, n) => s + figures(n).total, 0));
    const cur = await api.get(`/api/submissions/${phong}`, t['kc.reviewer']);
    const data = { ...cur.body.data, vanBan: { soVanBan: '45', ngayBanHanh: '2020-05-20', nguoiKy: 'Trưởng phòng' } };
    expect((await api.save(t['kc.reviewer']!, phong, data, cur.body.version)).status).toBe(200);
    expect((await api.event(t['kc.reviewer']!, phong, 'SUBMIT')).status).toBe(200);
    expect((await api.event(t['kc.head']!, phong, 'SIGN')).status).toBe(200);
    expect((await api.event(t['hy.so.reviewer']!, phong, 'ACCEPT')).status).toBe(200);
    for (const id of [phong, ...schools.map((s) => w.sub[s.toUpperCase().replace('.', '-')]!)]) {
      // two reads in a row hit both processes: they must agree
      const [x, y] = [await api.get(`/api/submissions/${id}/verify`, t['hy.so.reviewer']), await api.get(`/api/submissions/${id}/verify`, t['hy.so.reviewer'])];
      expect(new Set([x.headers.get('x-backend'), y.headers.get('x-backend')]).size).toBe(2);
      expect(x.body.ok && y.body.ok).toBe(true);
    }
  });

  it('spread the requests over both processes', () => {
    expect(Math.min(...proxy.served)).toBeGreaterThan(15);
    expect(Math.abs(proxy.served[0]! - proxy.served[1]!)).toBeLessThanOrEqual(1);
  });

  it('a stale write through one process is refused by the other (optimistic lock lives in the database)', async () => {
    const s = 'kc.mn-tan-dan';
    Object.assign(t, await api.logins([`${s}.editor`]));
    const id = w.sub['KC-MN-TAN-DAN']!;
    const v = (await api.get(`/api/submissions/${id}`, t[`${s}.editor`])).body.version;
    const first = await api.save(t[`${s}.editor`]!, id, { I: { tongSoCBGVNV: 1 } }, v);
    const second = await api.save(t[`${s}.editor`]!, id, { I: { tongSoCBGVNV: 2 } }, v);
    expect(first.headers.get('x-backend')).not.toBe(second.headers.get('x-backend'));
    expect([first.status, second.status]).toEqual([200, 409]);
  });
});
