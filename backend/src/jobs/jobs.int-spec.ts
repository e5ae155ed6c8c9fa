import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { BossSupervisor, type QueueDefinition } from './boss-supervisor.js';
import { JOB } from './job-names.js';
import { JobsService } from './jobs.service.js';

const DEMO = 'Demo@2026!';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(150);
  }
}

/**
 * pg-boss delivers at least once; every job's effect must happen once. The app here only sends
 * (RUN_JOBS=false); the test runs two workers of its own, as two `npm run worker` processes would.
 */
describe('background jobs: two workers, failures, supervision', () => {
  let sut: TestApp;
  let jobs: JobsService;
  const workers: BossSupervisor[] = [];
  /** job id → worker index of every handler call. */
  const calls = new Map<string, number[]>();
  let editor = '';
  let editorId = '';
  let submissionId = '';

  /** The app's job definitions, counted per worker. */
  const counted = (index: number): QueueDefinition[] =>
    jobs.queueDefinitions().map((q) => ({
      ...q,
      handler: async (job: PgBoss.JobWithMetadata<Record<string, unknown>>) => {
        calls.set(job.id, [...(calls.get(job.id) ?? []), index]);
        return q.handler(job);
      },
    }));

  const startWorker = async (index: number) => {
    const w = new BossSupervisor({
      connectionString: sut.databaseUrl,
      work: true,
      queues: counted(index),
      pollingIntervalSeconds: 0.5,
      checkIntervalMs: 300,
      applicationName: `bdg-test-worker-${index}`,
    });
    expect(await w.start()).not.toBeNull();
    workers.push(w);
    return w;
  };

  const progressOf = async (id: string) =>
    (await sut.sql<{ state: string; error: string | null; attempts: number }>(`SELECT state, error, attempts FROM job_progress WHERE job_id = $1`, [id]))[0];
  const done = (id: string) => until(`job ${id}`, async () => ['completed', 'failed'].includes((await progressOf(id))?.state ?? '') && progressOf(id));

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    jobs = sut.app.get(JobsService);
    // Test-only queues: one that fails (retry with backoff, then the reason), one that fails once.
    jobs.register({
      name: 'test-fail',
      options: { retryLimit: 1, retryDelay: 1, retryBackoff: true, expireInSeconds: 30 },
      handler: async (ctx) => {
        if (ctx.data && (ctx.data as { throwString?: boolean }).throwString) throw 'không phải Error';
        throw new Error('Tệp mẫu bị hỏng, không đọc được.');
      },
    });
    jobs.register({
      name: 'test-flaky',
      options: { retryLimit: 2, retryDelay: 1, retryBackoff: false, expireInSeconds: 30 },
      handler: async (ctx) => {
        if (ctx.attempt === 1) throw new Error('Lỗi tạm thời');
        await ctx.progress(50);
        return { ok: true, attempt: ctx.attempt };
      },
    });
    editor = await sut.login('kc.th-tan-dan.editor', DEMO);
    const me = await sut.http.get('/api/me').set({ Authorization: `Bearer ${editor}` });
    editorId = me.body.id;
    const work = await sut.http.get('/api/my-work').set({ Authorization: `Bearer ${editor}` });
    submissionId = work.body.items[0].id;
    await startWorker(0);
    await startWorker(1);
  });
  afterAll(async () => {
    for (const w of workers) await w.stop();
    await sut?.close();
  });

  it('two workers process 12 exports: each job runs once and leaves exactly one file', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++)
      ids.push(await jobs.enqueue(JOB.export, { submissionId, format: i % 2 ? 'pdf' : 'docx', userId: editorId }, { userId: editorId }));
    for (const id of ids) expect((await done(id)).state).toBe('completed');
    const files = await sut.sql<{ job_id: string; n: number }>(
      `SELECT job_id, count(*)::int AS n FROM export_file WHERE job_id = ANY($1::uuid[]) GROUP BY job_id`,
      [ids],
    );
    expect(files).toHaveLength(12);
    expect(files.every((f) => f.n === 1)).toBe(true);
    for (const id of ids) expect(calls.get(id)).toHaveLength(1);
    const byWorker = [0, 1].map((w) => ids.filter((id) => calls.get(id)![0] === w).length);
    console.log(`12 exports by two workers: ${byWorker.join(' + ')}`);
  });

  it('a job sent is taken at once by the worker of its queue, which is woken up instead of waiting for its next poll', async () => {
    const def = {
      name: 'test-wake',
      options: { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 30 },
      handler: async () => ({ woken: true }),
    };
    jobs.register(def);
    // A worker that polls once an hour: only the wake-up (NOTIFY from the sender) can start the job in time.
    const sleepy = new BossSupervisor({
      connectionString: sut.databaseUrl,
      work: true,
      queues: [jobs.queueOf(def)],
      pollingIntervalSeconds: 3600,
      checkIntervalMs: 300,
      applicationName: 'bdg-test-sleepy',
    });
    expect(await sleepy.start()).not.toBeNull();
    const sendAndWait = async () => expect(await done(await jobs.enqueue('test-wake', {}, { userId: editorId }))).toMatchObject({ state: 'completed' });
    try {
      await sendAndWait();
      await sendAndWait();
      // its connections cut (the listening one too): the supervisor listens again, and the wake-up still works
      await sut.sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'bdg-test-sleepy'`);
      await sleep(1000);
      await sendAndWait();
    } finally {
      await sleepy.stop();
    }
  });

  it('a second delivery of the same job (at-least-once) has no second effect, even at the same time on both workers', async () => {
    // A finished job delivered again.
    const id = await jobs.enqueue(JOB.export, { submissionId, format: 'xlsx', userId: editorId }, { userId: editorId });
    await done(id);
    const meta = (over: Partial<PgBoss.JobWithMetadata<Record<string, unknown>>> = {}) =>
      ({ id, name: JOB.export, data: { submissionId, format: 'xlsx', userId: editorId }, retryCount: 0, retryLimit: 3, ...over }) as never;
    const handlerOf = (w: number) => counted(w).find((q) => q.name === JOB.export)!.handler;
    await handlerOf(0)(meta());
    // A new job whose two deliveries run at once (e.g. after a worker was presumed dead).
    const twin = '00000000-0000-4000-8000-00000000beef';
    await sut.sql(`INSERT INTO job_progress (job_id, name, user_id) VALUES ($1, 'export', $2)`, [twin, editorId]);
    const twinMeta = { id: twin, name: JOB.export, data: { submissionId, format: 'docx', userId: editorId }, retryCount: 0, retryLimit: 3 } as never;
    await Promise.all([handlerOf(0)(twinMeta), handlerOf(1)(twinMeta)]);
    const files = await sut.sql<{ job_id: string }>(`SELECT job_id FROM export_file WHERE job_id IN ($1, $2)`, [id, twin]);
    expect(files.map((f) => f.job_id).sort()).toEqual([twin, id].sort());
    expect((await progressOf(twin))!.state).toBe('completed');
  });

  it('the reminder job run on both workers at once notifies once', async () => {
    await sut.sql(`UPDATE submission SET deadline = now() + interval '2 days' WHERE id = $1`, [submissionId]);
    const a = await jobs.enqueue(JOB.reminders, {}, { userId: editorId });
    const b = await jobs.enqueue(JOB.reminders, {}, { userId: editorId });
    await done(a);
    await done(b);
    const rows = await sut.sql<{ n: number }>(`SELECT count(*)::int AS n FROM notification WHERE submission_id = $1 AND kind = 'remind-3d'`, [
      submissionId,
    ]);
    expect(rows[0]!.n).toBe(1);
  });

  it('compile-large compiles once as the reviewer who asked, even when delivered twice', async () => {
    const reviewer = (await sut.sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'kc.reviewer'`))[0]!.id;
    const phong = (
      await sut.sql<{ id: string }>(
        `SELECT s.id FROM submission s JOIN org_unit o ON o.id = s.unit_id JOIN round r ON r.id = s.round_id
          JOIN template_version t ON t.id = r.template_version_id WHERE o.code = 'PGD-KC' AND t.code = 'khoai-chau-bdg-2016-2020'`,
      )
    )[0]!.id;
    const payload = { submissionId: phong, userId: reviewer, eventType: 'COMPILE', requestedAt: new Date().toISOString() };
    const id = await jobs.enqueue(JOB.compileLarge, payload, { userId: reviewer });
    const p = await done(id);
    expect(p.state, p.error ?? '').toBe('completed');
    const result = (await sut.sql<{ result: unknown }>(`SELECT result FROM job_progress WHERE job_id = $1`, [id]))[0]!.result;
    expect(result).toEqual({ state: 'draft', included: 0, total: 10 });
    // The same payload delivered again (a new job id, so the wrapper's guard does not apply): no second COMPILE.
    const handler = counted(0).find((q) => q.name === JOB.compileLarge)!.handler;
    const again = await handler({ id: '00000000-0000-4000-8000-00000000c0de', name: JOB.compileLarge, data: payload, retryCount: 0, retryLimit: 3 } as never);
    expect(again).toMatchObject({ alreadyCompiled: true });
    const log = await sut.sql(`SELECT event FROM transition_log WHERE submission_id = $1`, [phong]);
    expect(log).toEqual([{ event: 'COMPILE' }]);
  });

  it('retries with backoff, then shows the reason in Vietnamese; the file route says why', async () => {
    const id = await jobs.enqueue('test-fail', {}, { userId: editorId });
    const first = await until('first failure', async () => {
      const p = await progressOf(id);
      return p && p.state !== 'created' && p.state !== 'active' && p;
    });
    expect(first.error).toMatch(/lần thử 1 thất bại, sẽ thử lại: Tệp mẫu bị hỏng/);
    const final = await done(id);
    expect(final.state).toBe('failed');
    const view = await sut.http.get(`/api/jobs/${id}`).set({ Authorization: `Bearer ${editor}` });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ id, name: 'test-fail', state: 'failed' });
    expect(view.body.error).toBe('test-fail thất bại sau 2 lần thử: Tệp mẫu bị hỏng, không đọc được.');
    const file = await sut.http.get(`/api/jobs/${id}/file`).set({ Authorization: `Bearer ${editor}` });
    expect(file.status).toBe(409);
    expect(file.body.message).toMatch(/Không tạo được tệp: .*Tệp mẫu bị hỏng/);
  });

  it('an export the requester may no longer see fails with the reason, and nothing crashes the workers', async () => {
    const outsider = (await sut.sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'vg.reviewer'`))[0]!.id;
    const id = await jobs.enqueue(JOB.export, { submissionId, format: 'docx', userId: outsider }, { userId: outsider });
    const str = await jobs.enqueue('test-fail', { throwString: true }, { userId: editorId });
    const p = await until('export refused', async () => {
      const x = await progressOf(id);
      return x?.error ? x : null;
    });
    expect(p.error).toMatch(/Xuất văn bản: lần thử 1 thất bại, sẽ thử lại: Không tìm thấy báo cáo\./);
    expect((await done(str)).error).toMatch(/không phải Error/);
    const flaky = await jobs.enqueue('test-flaky', {}, { userId: editorId });
    const ok = await done(flaky);
    expect(ok.state).toBe('completed');
    expect(ok.attempts).toBe(2);
    const view = await sut.http.get(`/api/jobs/${flaky}`).set({ Authorization: `Bearer ${editor}` });
    expect(view.body).toMatchObject({ state: 'completed', progress: 100, result: { ok: true, attempt: 2 }, error: null });
  });

  it('keeps working after PostgreSQL terminates pg-boss connections, and restarts a pg-boss that stopped', async () => {
    const errorsBefore = workers[0]!.errors + workers[1]!.errors;
    const killed = await sut.sql<{ pid: number }>(
      `SELECT pg_terminate_backend(pid) AS ok, pid FROM pg_stat_activity
        WHERE datname = current_database() AND application_name LIKE 'bdg-%' AND pid <> pg_backend_pid()`,
    );
    expect(killed.length).toBeGreaterThan(0);
    await sleep(1500);
    const id = await jobs.enqueue(JOB.export, { submissionId, format: 'docx', userId: editorId }, { userId: editorId });
    expect((await done(id)).state).toBe('completed');
    expect(workers[0]!.errors + workers[1]!.errors).toBeGreaterThan(errorsBefore);

    // pg-boss stopping by itself (what a lost connection is reported to do): the supervisor starts a fresh one.
    for (const w of workers) await (await w.instance())!.stop({ graceful: false, wait: true, timeout: 1000 });
    await until('restart', async () => workers.every((w) => w.restarts >= 1 && w.running));
    const after = await jobs.enqueue(JOB.export, { submissionId, format: 'pdf', userId: editorId }, { userId: editorId });
    expect((await done(after)).state).toBe('completed');

    // A pg-boss whose pool no longer answers (probe fails twice) is replaced too.
    const w = workers[0]!;
    const restarts = w.restarts;
    const boss = (await w.instance())!;
    const db = boss.getDb() as unknown as { opened: boolean };
    db.opened = false; // executeSql now answers nothing, as a dead pool would
    await until('restart after failed probes', async () => w.restarts > restarts && w.running);
    const third = await jobs.enqueue(JOB.export, { submissionId, format: 'xlsx', userId: editorId }, { userId: editorId });
    expect((await done(third)).state).toBe('completed');
  });
});

describe('COMPILE over a large subtree through the HTTP API', () => {
  let sut: TestApp;
  beforeAll(async () => {
    process.env.LARGE_COMPILE_CHILDREN = '5';
    sut = await createTestApp({ SEED_DEMO: 'true', RUN_JOBS: 'true', JOBS_POLL_SECONDS: '1' });
  });
  afterAll(async () => {
    delete process.env.LARGE_COMPILE_CHILDREN;
    await sut.close();
  });

  it('answers 202 with a job, which compiles in the background and reports its progress to the requester', async () => {
    const token = await sut.login('kc.reviewer', 'Demo@2026!');
    const list = await sut.http.get('/api/submissions').set({ Authorization: `Bearer ${token}` });
    const phong = list.body.items.find((x: { unitCode: string; templateCode: string }) => x.unitCode === 'PGD-KC' && x.templateCode === 'khoai-chau-bdg-2016-2020');
    const res = await sut.http.post(`/api/submissions/${phong.id}/events`).set({ Authorization: `Bearer ${token}` }).send({ type: 'COMPILE' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ queued: true, jobId: expect.any(String) });
    let job: { state: string } = { state: 'created' };
    for (let i = 0; i < 120 && !['completed', 'failed'].includes(job.state); i++) {
      await new Promise((r) => setTimeout(r, 500));
      job = (await sut.http.get(`/api/jobs/${res.body.jobId}`).set({ Authorization: `Bearer ${token}` })).body;
    }
    expect(job).toMatchObject({ state: 'completed', progress: 100 });
    const after = await sut.http.get(`/api/submissions/${phong.id}`).set({ Authorization: `Bearer ${token}` });
    expect(after.body).toMatchObject({ state: 'draft', compiled: { included: 0, total: 10 } });
    const other = await sut.login('kc.head', 'Demo@2026!');
    expect((await sut.http.get(`/api/jobs/${res.body.jobId}`).set({ Authorization: `Bearer ${other}` })).status).toBe(404);
  });
});
