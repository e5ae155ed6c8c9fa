import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { khoaiChauReport } from '../test-support/khoai-chau-data.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { ValidationPool } from './validation-pool.js';

const DEMO = 'Demo@2026!';

/** How late a 10 ms timer fires on the API's thread while `f` runs (reported, not asserted: shared machine). */
async function withLag<T>(f: () => Promise<T>): Promise<{ result: T; lagMs: number }> {
  let worst = 0;
  let last = performance.now();
  const t = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  try {
    return { result: await f(), lagMs: Math.round(worst) };
  } finally {
    clearInterval(t);
  }
}

/** Bodies from VALIDATION_WORKER_KB up are checked in the validation pool's threads, with the same answers as in the request. */
describe(ValidationPool.name, () => {
  let sut: TestApp;
  let pool: ValidationPool;
  let token = '';
  let subId = '';
  let admin = '';
  const version = async () => (await sut.sql<{ version: number }>('SELECT version FROM submission WHERE id = $1', [subId]))[0]!.version;
  const save = async (data: object) =>
    sut.http.put(`/api/submissions/${subId}/data`).set({ Authorization: `Bearer ${token}` }).send({ data, version: await version() });

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true', VALIDATION_WORKER_KB: '16' });
    pool = sut.app.get(ValidationPool);
    token = await sut.login('kc.th-tan-dan.editor', DEMO);
    admin = await sut.login('hy.admin', DEMO);
    const work = await sut.http.get('/api/my-work').set({ Authorization: `Bearer ${token}` });
    subId = work.body.items[0].id;
  }, 120_000);
  afterAll(() => sut?.close());

  it('checks a small save in the request (no thread hop) and answers with computed fields', async () => {
    const before = pool.offloaded;
    const res = await save(khoaiChauReport('Tân Dân', { total: 40, women: 30, managers: 3, womenManagers: 2 }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(pool.offloaded).toBe(before);
  });

  it('refuses the 16,000-row attack on a 50-row table from a worker thread, with the Vietnamese 422 naming the table', async () => {
    const before = pool.offloaded;
    const rows = Array.from({ length: 16_000 }, (_, i) => ({ maChiTieu: `MT${i}`, noiDung: 'x', vaiTro: 'chu_tri' }));
    const { result: res, lagMs } = await withLag(() => save({ II: { chiTieuDuocGiao: rows } }));
    console.log(`16.000 dòng: ${res.status}, độ trễ vòng sự kiện lớn nhất ${lagMs} ms`);
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/Mục tiêu, chỉ tiêu được giao/);
    expect(res.body.details[0]).toMatchObject({ path: '/II/chiTieuDuocGiao', message: expect.stringMatching(/50/) });
    expect(pool.offloaded).toBe(before + 1);
  });

  it('stores a large valid draft checked in a worker, with the same computed fields and findings as in the request', async () => {
    const report = khoaiChauReport('Tân Dân', { total: 40, women: 30, managers: 3, womenManagers: 2 });
    const big = { ...report, III: { vanDeTrongTam: 'Bình đẳng giới trong trường học. '.repeat(600) } };
    const small = await save(report);
    const before = pool.offloaded;
    const res = await save(big);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(pool.offloaded).toBe(before + 1);
    expect(res.body.data.I).toEqual(small.body.data.I);
    expect(res.body.findings).toEqual(small.body.findings);
    const [row] = await sut.sql<{ data: { III: { vanDeTrongTam: string } } }>('SELECT data FROM submission WHERE id = $1', [subId]);
    expect(row!.data.III.vanDeTrongTam.length).toBe(big.III.vanDeTrongTam.length);
    // hashed from the worker's canonical form: the same hash as the page's, computed from the stored row
    const page = await sut.http.get(`/api/submissions/${subId}`).set({ Authorization: `Bearer ${token}` });
    expect(res.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.contentHash).toBe(page.body.contentHash);
  });

  it('reads a large body in a thread: broken JSON and over-deep nesting are refused in Vietnamese, nothing stored', async () => {
    const before = await version();
    const put = (body: string) => sut.http.put(`/api/submissions/${subId}/data`).set({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }).send(body);
    const pad = 'x'.repeat(20_000);
    const broken = await put(`{"version": ${before}, "data": {"III": {"vanDeTrongTam": "${pad}"}`);
    expect(broken.status).toBe(400);
    expect(broken.body.message).toBe('Dữ liệu gửi lên không phải JSON hợp lệ.');
    const deep = await put(`{"version": ${before}, "pad": "${pad}", "data": ${'{"a":'.repeat(100)}1${'}'.repeat(100)}}`);
    expect(deep.status).toBe(400);
    expect(deep.body.message).toMatch(/lồng nhau quá sâu/);
    const notObject = await put(`{"version": ${before}, "data": "${pad}"}`);
    expect(notObject.status).toBe(422);
    expect(notObject.body.details[0]).toMatchObject({ path: 'data', title: 'Dữ liệu biểu mẫu' });
    // a small body is as strict as express.json: a bare JSON value is not a body
    for (const bare of ['null', '1', '"x"', 'true']) expect((await put(bare)).status, bare).toBe(400);
    expect(await version()).toBe(before);
  });

  it('lints a large template body in a worker: a bad pattern is refused in Vietnamese naming the field', async () => {
    const before = pool.offloaded;
    const enumValues = Array.from({ length: 1500 }, (_, i) => `loai-${i}`);
    const res = await sut.http
      .post('/api/templates/mau-lon-kiem-tra/versions')
      .set({ Authorization: `Bearer ${admin}` })
      .send({
        title: 'Mẫu lớn',
        periodKind: 'nam',
        uiSchema: {},
        schema: {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          type: 'object',
          title: 'Mẫu lớn',
          properties: {
            loai: { type: 'string', title: 'Loại', enum: enumValues, 'x-aggregate': 'none' },
            ma: { type: 'string', title: 'Mã đơn vị', maxLength: 20, pattern: '^(a)\\1$', 'x-aggregate': 'none' },
          },
        },
      });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.message).toMatch(/Mã đơn vị/);
    expect(pool.offloaded).toBe(before + 1);
  });
});
