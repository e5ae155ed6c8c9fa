/**
 * 200 concurrent conflicting requests on one submission: exactly one wins each transition,
 * the others are refused with 409, and the log, the snapshot and the hash chain stay consistent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSuiteApp } from '../support/app.js';
import { Api } from '../support/http.js';
import { fillAndSubmit, khoaiChauReport, figures } from '../support/journey.js';
import { loadWorld, type World } from '../support/world.js';

const N = 200;
let sut: Awaited<ReturnType<typeof startSuiteApp>>;
let api: Api;
let w: World;
const t: Record<string, string> = {};

beforeAll(async () => {
  sut = await startSuiteApp();
  api = new Api(sut.app.url);
  w = await loadWorld(sut.sql);
  Object.assign(t, await api.logins(['kc.reviewer', ...['th-tan-dan', 'th-dong-tien', 'mn-tan-dan'].flatMap((s) => [`kc.${s}.editor`, `kc.${s}.head`])]));
});
afterAll(() => sut?.close());

const tally = (codes: number[]) => codes.reduce<Record<number, number>>((a, c) => ((a[c] = (a[c] ?? 0) + 1), a), {});

async function consistent(id: string, events: string[]) {
  const history = await api.get(`/api/submissions/${id}/history`, t['kc.reviewer']);
  expect(history.body.items.map((h: { event: string }) => h.event)).toEqual(events);
  const row = await sut.sql.one<{ state: string; last: string; n: string }>(
    `SELECT s.state, (SELECT to_state FROM transition_log WHERE submission_id = s.id ORDER BY seq DESC LIMIT 1) AS last,
            (SELECT count(*) FROM transition_log WHERE submission_id = s.id) AS n FROM submission s WHERE id = $1`,
    [id],
  );
  expect(row.state).toBe(row.last);
  expect(Number(row.n)).toBe(events.length);
  const v = await api.get(`/api/submissions/${id}/verify`, t['kc.reviewer']);
  expect(v.body, JSON.stringify(v.body)).toMatchObject({ ok: true, log: { ok: true } });
}

describe(`${N} concurrent conflicting requests on one submission`, () => {
  it(`${N} × PUT data with the same version: one 200, ${N - 1} × 409, version +1`, async () => {
    const s = 'kc.th-tan-dan';
    const id = w.sub['KC-TH-TAN-DAN']!;
    const v0 = (await api.get(`/api/submissions/${id}`, t[`${s}.editor`])).body.version;
    const res = await Promise.all(
      Array.from({ length: N }, (_, i) => api.save(t[`${s}.editor`]!, id, khoaiChauReport(s, figures(i)), v0)),
    );
    expect(tally(res.map((r) => r.status))).toEqual({ 200: 1, 409: N - 1 });
    const winner = res.find((r) => r.status === 200)!;
    const row = await sut.sql.one<{ version: number; n: number }>(`SELECT version, (data->'I'->>'tongSoCBGVNV')::int AS n FROM submission WHERE id = $1`, [id]);
    expect(row.version).toBe(winner.body.version);
    expect(row.version).toBe(v0 + 1);
    expect(row.n).toBe(winner.body.data.I.tongSoCBGVNV); // the stored data is the winner's, not a mix
  });

  it(`${N} × SUBMIT, then ${N} × SIGN, then ${N / 2} ACCEPT + ${N / 2} RETURN: one transition per state`, async () => {
    const s = 'kc.th-tan-dan';
    const id = w.sub['KC-TH-TAN-DAN']!;
    const submit = await Promise.all(Array.from({ length: N }, () => api.event(t[`${s}.editor`]!, id, 'SUBMIT')));
    expect(tally(submit.map((r) => r.status))).toEqual({ 200: 1, 409: N - 1 });
    const sign = await Promise.all(Array.from({ length: N }, () => api.event(t[`${s}.head`]!, id, 'SIGN')));
    expect(tally(sign.map((r) => r.status))).toEqual({ 200: 1, 409: N - 1 });
    const review = await Promise.all(
      Array.from({ length: N }, (_, i) => (i % 2 ? api.event(t['kc.reviewer']!, id, 'ACCEPT') : api.event(t['kc.reviewer']!, id, 'RETURN', { comment: `Trả lại ${i}` }))),
    );
    expect(tally(review.map((r) => r.status))).toEqual({ 200: 1, 409: N - 1 });
    const won = review.find((r) => r.status === 200)!.body.state;
    await consistent(id, ['SUBMIT', 'SIGN', won === 'accepted' ? 'ACCEPT' : 'RETURN']);
  });

  it(`${N} × SIGN and ${N} × REJECT racing on pending_signature: exactly one of all ${2 * N} wins`, async () => {
    const s = 'kc.th-dong-tien';
    const id = w.sub['KC-TH-DONG-TIEN']!;
    await fillAndSubmit(api, t[`${s}.editor`]!, id, s);
    const res = await Promise.all(
      Array.from({ length: 2 * N }, (_, i) => (i % 2 ? api.event(t[`${s}.head`]!, id, 'SIGN') : api.event(t[`${s}.head`]!, id, 'REJECT', { comment: 'Chưa đủ' }))),
    );
    expect(tally(res.map((r) => r.status))).toEqual({ 200: 1, 409: 2 * N - 1 });
    const won = res.find((r) => r.status === 200)!.body.state;
    await consistent(id, ['SUBMIT', won === 'submitted' ? 'SIGN' : 'REJECT']);
  });

  it(`${N} × PUT data racing ${N} × SUBMIT: the submitted data is one whole version, and no save lands after the lock`, async () => {
    const s = 'kc.mn-tan-dan';
    const id = w.sub['KC-MN-TAN-DAN']!;
    const cur = await api.get(`/api/submissions/${id}`, t[`${s}.editor`]);
    const first = await api.save(t[`${s}.editor`]!, id, khoaiChauReport(s, figures(0)), cur.body.version);
    expect(first.status).toBe(200);
    const v = first.body.version;
    const res = await Promise.all(
      Array.from({ length: 2 * N }, (_, i) => (i % 2 ? api.event(t[`${s}.editor`]!, id, 'SUBMIT') : api.save(t[`${s}.editor`]!, id, khoaiChauReport(s, figures(i)), v))),
    );
    const saves = res.filter((_, i) => i % 2 === 0).map((r) => r.status);
    const submits = res.filter((_, i) => i % 2 === 1).map((r) => r.status);
    expect(tally(submits)[200]).toBe(1);
    expect(saves.filter((c) => c === 200).length).toBeLessThanOrEqual(1);
    expect(saves.every((c) => c === 200 || c === 409)).toBe(true);
    // SIGN hashes what is stored; verify recomputes: a save slipping in after SUBMIT would break it
    expect((await api.event(t[`${s}.head`]!, id, 'SIGN')).status).toBe(200);
    await consistent(id, ['SUBMIT', 'SIGN']);
  });
});
