import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A round over a subtree above LARGE_ROUND_UNITS opens in the `round-open` job: 202, progress, then open. */
describe('RoundOpeningService (POST /api/rounds as a background job)', () => {
  let sut: TestApp;
  let hy = '';
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });
  const flows = { truong_mn: 'truong', truong_th: 'truong', truong_thcs: 'truong', phong: 'phong' };

  beforeAll(async () => {
    process.env.LARGE_ROUND_UNITS = '5';
    process.env.ROUND_OPEN_BATCH = '4';
    sut = await createTestApp({ SEED_DEMO: 'true', RUN_JOBS: 'true', JOBS_POLL_SECONDS: '0.5', JOBS_SCHEDULE: 'false' });
    hy = await sut.login('hy.admin', DEMO);
  });
  afterAll(async () => {
    delete process.env.LARGE_ROUND_UNITS;
    delete process.env.ROUND_OPEN_BATCH;
    await sut.close();
  });

  it('answers 202 with the round `opening` and its job, inserts by batches, then the round is open with all its submissions', async () => {
    const rootUnitId = (await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'PGD-VG'`))[0]!.id;
    const res = await sut.http
      .post('/api/rounds')
      .set(auth(hy))
      .send({ name: 'Đợt lớn thử', template: { code: 'bdg-vstbpn-dinh-ky', version: 1 }, rootUnitId, period: '6 tháng 2028', flows, deadlines: { truong_th: '2028-06-10', phong: '2028-06-15' } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ status: 'opening', counts: { total: 9 }, jobId: expect.any(String), progressUrl: `/api/jobs/${res.body.jobId}` });
    let job = { state: 'created', progress: 0, result: null as unknown };
    for (let i = 0; i < 200 && job.state !== 'completed' && job.state !== 'failed'; i++) {
      await sleep(250);
      job = (await sut.http.get(`/api/jobs/${res.body.jobId}`).set(auth(hy))).body;
    }
    expect(job).toMatchObject({ state: 'completed', progress: 100, result: { id: res.body.id, counts: { total: 9 } } });
    const round = await sut.http.get(`/api/rounds/${res.body.id}`).set(auth(hy));
    expect(round.body.status).toBe('open');
    const n = await sut.sql<{ n: number }>(`SELECT count(*)::int AS n FROM submission WHERE round_id = $1`, [res.body.id]);
    expect(n[0]!.n).toBe(9);
    const audit = await sut.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'round' AND entity_id = $1 ORDER BY id`, [res.body.id]);
    expect(audit.map((a) => a.action)).toEqual(['open-start', 'open']);
    const progress = await sut.http.get(`/api/rounds/${res.body.id}/progress`).set(auth(hy));
    expect(progress.body.totals.total).toBe(9);
  });

  it('switches off, for its bulk insert, no insert trigger on submission but the foreign-key checks it makes once and the tally it rebuilds', async () => {
    // tgtype bit 4: fires on INSERT; tgenabled 'A' (always) would fire anyway.
    const triggers = await sut.sql<{ name: string; fn: string }>(
      `SELECT t.tgname AS name, p.proname AS fn FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE t.tgrelid = 'submission'::regclass AND t.tgtype & 4 <> 0 AND t.tgenabled <> 'A' ORDER BY t.tgname`,
    );
    expect(triggers.filter((t) => t.fn !== 'RI_FKey_check_ins').map((t) => t.name)).toEqual(['submission_tally_insert']);
    const checks = await sut.sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = 'submission'::regclass AND contype = 'f'`);
    expect(triggers.filter((t) => t.fn === 'RI_FKey_check_ins')).toHaveLength(checks[0]!.n);
    expect(checks[0]!.n).toBe(5); // round, unit, parent unit, template version, flow version: what lockReferences locks
  });

  it('keeps the synchronous answer (201 with the counts) for a subtree under the threshold', async () => {
    process.env.LARGE_ROUND_UNITS = '100';
    const rootUnitId = (await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'PGD-KD'`))[0]!.id;
    const res = await sut.http
      .post('/api/rounds')
      .set(auth(hy))
      .send({ name: 'Đợt nhỏ', template: { code: 'bdg-vstbpn-dinh-ky', version: 1 }, rootUnitId, period: '6 tháng 2028', flows, deadlines: {} });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'open', counts: { total: expect.any(Number) } });
    expect(res.body.jobId).toBeUndefined();
  });
});
