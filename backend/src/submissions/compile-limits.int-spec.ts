import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB } from '../jobs/job-names.js';
import type { JobContext } from '../jobs/jobs.service.js';
import { khoaiChauReport } from '../test-support/khoai-chau-data.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { CompileLargeJob } from './compile-large.job.js';

/** A large COMPILE's roll-up runs in a worker thread with a heap limit: hitting it fails the job in Vietnamese and writes nothing. */
describe('large COMPILE under the roll-up thread’s heap limit', () => {
  let sut: TestApp;
  beforeAll(async () => {
    process.env.LARGE_COMPILE_CHILDREN = '5';
    sut = await createTestApp({ SEED_DEMO: 'true', COMPILE_MEMORY_MB: '16' });
  });
  afterAll(async () => {
    delete process.env.LARGE_COMPILE_CHILDREN;
    await sut?.close();
  });

  it('fails with the Vietnamese memory message and leaves the consolidated report as it was; an ordinary one compiles in the thread', async () => {
    const [phong] = await sut.sql<{ id: string; roundId: string }>(
      `SELECT s.id, s.round_id AS "roundId" FROM submission s JOIN org_unit o ON o.id = s.unit_id JOIN template_version t ON t.id = s.template_version_id
        WHERE o.code = 'PGD-KC' AND t.code = 'khoai-chau-bdg-2016-2020'`,
    );
    const kids = await sut.sql<{ id: string; code: string }>(
      `SELECT s.id, o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.round_id = $1 AND s.parent_unit_id = (SELECT unit_id FROM submission WHERE id = $2)`,
      [phong!.roundId, phong!.id],
    );
    expect(kids.length).toBeGreaterThan(5);
    // every school handed in a 3 MB narrative: the roll-up concatenates them under the school names
    for (const k of kids) {
      const data = khoaiChauReport(k.code, { total: 10, women: 5, managers: 2, womenManagers: 1 }) as Record<string, Record<string, unknown>>;
      data.III = { ...data.III, vanDeTrongTam: `Trường ${k.code}: ${'bình đẳng giới '.repeat(200_000)}` };
      await sut.sql(`UPDATE submission SET state = 'accepted', state_tags = '{done}', final = true, data = $2::jsonb WHERE id = $1`, [k.id, JSON.stringify(data)]);
    }
    const snapshot = `SELECT data, compiled, version, state FROM submission WHERE id = $1`;
    const [before] = await sut.sql(snapshot, [phong!.id]);
    const [reviewer] = await sut.sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'kc.reviewer'`);
    const ctx = {
      id: '00000000-0000-4000-8000-0000000c0de1',
      name: JOB.compileLarge,
      data: { submissionId: phong!.id, userId: reviewer!.id, requestedAt: new Date().toISOString(), eventType: 'COMPILE' },
      attempt: 1,
      retryLimit: 0,
      progress: async () => {},
    } as unknown as JobContext<never>;
    const err = (await sut.app.get(CompileLargeJob).run(ctx).catch((e: unknown) => e)) as { getStatus(): number; getResponse(): { message: string } };
    expect(err.getStatus()).toBe(422);
    expect(err.getResponse().message).toMatch(/^Tổng hợp quá lớn: vượt giới hạn bộ nhớ 16 MB nên đã dừng, dữ liệu chưa thay đổi\./);
    expect((await sut.sql(snapshot, [phong!.id]))[0]).toEqual(before);

    // the same job over ordinary narratives fits the limit: the thread compiles, the report holds every school
    for (const k of kids) {
      const data = khoaiChauReport(k.code, { total: 10, women: 5, managers: 2, womenManagers: 1 });
      await sut.sql(`UPDATE submission SET data = $2::jsonb WHERE id = $1`, [k.id, JSON.stringify(data)]);
    }
    const done = (await sut.app.get(CompileLargeJob).run(ctx)) as { included: number; total: number };
    expect(done).toMatchObject({ included: kids.length, total: kids.length });
    const [after] = await sut.sql<{ data: { I: { tongSoCBGVNV: number } } }>(snapshot, [phong!.id]);
    expect(after!.data.I.tongSoCBGVNV).toBe(10 * kids.length);
  }, 120_000);
});
