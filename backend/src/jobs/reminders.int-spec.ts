import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { khoaiChauReport } from '../test-support/khoai-chau-data.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { JOB } from './job-names.js';
import { JobsService } from './jobs.service.js';

process.env.JOBS_POLL_SECONDS = '0.5';
process.env.JOBS_CHECK_MS = '500';
// Reminders run by hand here; the hourly schedule must not fire in the middle of a test.
process.env.JOBS_SCHEDULE = 'false';

const DEMO = 'Demo@2026!';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A minimal SMTP server that keeps what it receives (no TLS, no auth). */
function fakeSmtp(): Promise<{ port: number; mails: string[]; close(): Promise<void> }> {
  const mails: string[] = [];
  const server = net.createServer((sock) => {
    sock.write('220 test ESMTP\r\n');
    let buf = '';
    let inData = false;
    let msg = '';
    sock.on('error', () => {});
    sock.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      let i: number;
      while ((i = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            mails.push(msg);
            msg = '';
            sock.write('250 OK queued\r\n');
          } else msg += line + '\n';
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO' || cmd === 'HELO') sock.write('250-test\r\n250 8BITMIME\r\n');
        else if (cmd === 'DATA') {
          inData = true;
          sock.write('354 go on\r\n');
        } else if (cmd === 'QUIT') {
          sock.write('221 bye\r\n');
          sock.end();
        } else sock.write('250 OK\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({ port, mails, close: () => new Promise<void>((r) => server.close(() => r())) });
    }),
  );
}

describe('reminders: once per unit, deadline and kind; e-mail once', () => {
  let sut: TestApp;
  let jobs: JobsService;
  let smtp: Awaited<ReturnType<typeof fakeSmtp>>;
  const tokens: Record<string, string> = {};
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
  const ids: Record<string, string> = {};
  let adminId = '';

  const runReminders = async () => {
    const id = await jobs.enqueue(JOB.reminders, {}, { userId: adminId });
    for (let i = 0; i < 200; i++) {
      const job = await sut.http.get(`/api/jobs/${id}`).set(as('hy.admin'));
      if (job.body.state === 'completed') return job.body.result as { created: number; byKind: Record<string, number>; emailsQueued: number };
      if (job.body.state === 'failed') throw new Error(job.body.error);
      await sleep(150);
    }
    throw new Error('reminders did not finish');
  };
  const reminders = () =>
    sut.sql<{ username: string; kind: string; message: string; unit: string; emailed: boolean }>(
      `SELECT u.username, n.kind, n.message, o.code AS unit, n.emailed_at IS NOT NULL AS emailed
         FROM notification n JOIN app_user u ON u.id = n.user_id JOIN submission s ON s.id = n.submission_id
         JOIN org_unit o ON o.id = s.unit_id WHERE n.kind LIKE 'remind-%' ORDER BY u.username, n.kind`,
    );

  beforeAll(async () => {
    smtp = await fakeSmtp();
    sut = await createTestApp({ SEED_DEMO: 'true', RUN_JOBS: 'true', SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    jobs = sut.app.get(JobsService);
    for (const u of ['hy.admin', 'kc.th-tan-dan.editor', 'kc.th-dong-tien.editor', 'kc.th-ham-tu.editor']) tokens[u] = await sut.login(u, DEMO);
    adminId = (await sut.http.get('/api/me').set(as('hy.admin'))).body.id;
    const round = (await sut.http.get('/api/rounds').set(as('hy.admin'))).body.items.find(
      (r: { templateCode: string }) => r.templateCode === 'khoai-chau-bdg-2016-2020',
    );
    for (const s of ['kc.th-tan-dan', 'kc.th-dong-tien', 'kc.th-ham-tu']) {
      ids[s] = (await sut.http.get('/api/my-work').set(as(`${s}.editor`))).body.items.find((w: { roundId: string }) => w.roundId === round.id).id;
    }
    // Tân Dân waits for its principal's signature, 2 days before the deadline.
    const cur = (await sut.http.get(`/api/submissions/${ids['kc.th-tan-dan']}`).set(as('kc.th-tan-dan.editor'))).body;
    const saved = await sut.http
      .put(`/api/submissions/${cur.id}/data`)
      .set(as('kc.th-tan-dan.editor'))
      .send({ data: khoaiChauReport('kc.th-tan-dan', { total: 40, women: 30, managers: 3, womenManagers: 2 }), version: cur.version });
    expect(saved.status).toBe(200);
    expect((await sut.http.post(`/api/submissions/${cur.id}/events`).set(as('kc.th-tan-dan.editor')).send({ type: 'SUBMIT' })).status).toBe(200);
    await sut.sql(`UPDATE submission SET deadline = now() + interval '2 days' WHERE id = $1`, [ids['kc.th-tan-dan']]);
    await sut.sql(`UPDATE submission SET deadline = now() + interval '12 hours' WHERE id = $1`, [ids['kc.th-dong-tien']]);
    await sut.sql(`UPDATE submission SET deadline = now() - interval '1 day' WHERE id = $1`, [ids['kc.th-ham-tu']]);
    // Only some users have an address: the others are reminded in the app only.
    await sut.sql(`UPDATE app_user SET email = username || '@truong.example' WHERE username IN ('kc.th-tan-dan.head', 'kc.th-ham-tu.editor')`);
    // "Đợt báo cáo đã mở" came before these users had an address: count it as already handled by mail.
    await sut.sql(`UPDATE notification SET emailed_at = now() WHERE kind = 'round-opened'`);
  });
  afterAll(async () => {
    await sut?.close();
    await smtp?.close();
  });

  it('reminds the editors 3 days / 1 day before and when late, and the head of a report waiting for signature', async () => {
    const first = await runReminders();
    expect(first.created).toBe(4);
    const rows = await reminders();
    expect(rows.map((r) => [r.username, r.kind])).toEqual([
      ['kc.th-dong-tien.editor', 'remind-1d'],
      ['kc.th-ham-tu.editor', 'remind-late'],
      ['kc.th-tan-dan.editor', 'remind-3d'],
      ['kc.th-tan-dan.head', 'remind-sign'],
    ]);
    const msg = Object.fromEntries(rows.map((r) => [r.kind, r.message]));
    expect(msg['remind-1d']).toMatch(/^Sắp đến hạn nộp báo cáo ".+" của Trường Tiểu học Đông Tiến: hạn \d\d\/\d\d\/\d{4}, còn 1 ngày\.$/);
    expect(msg['remind-late']).toMatch(/^Đã quá hạn nộp báo cáo ".+" của Trường Tiểu học Hàm Tử \(hạn \d\d\/\d\d\/\d{4}\)\.$/);
    expect(msg['remind-sign']).toMatch(/của Trường Tiểu học Tân Dân đang chờ bạn ký \(hạn .*còn 2 ngày\)\.$/);
    // in the notification centre
    const centre = await sut.http.get('/api/notifications').set(as('kc.th-ham-tu.editor'));
    expect(centre.body.items.map((n: { kind: string }) => n.kind)).toContain('remind-late');
  });

  it('a second run adds nothing; a moved deadline reminds again', async () => {
    const again = await runReminders();
    expect(again.created).toBe(0);
    expect(await reminders()).toHaveLength(4);
    const dup = await sut.sql(
      `SELECT submission_id, user_id, kind, count(*) FROM notification WHERE kind LIKE 'remind-%' GROUP BY 1, 2, 3 HAVING count(*) > 1`,
    );
    expect(dup).toEqual([]);
    // A report locked by signature, or final, is not reminded; an extended deadline is a new one.
    await sut.sql(`UPDATE submission SET deadline = now() + interval '20 hours' WHERE id = $1`, [ids['kc.th-ham-tu']]);
    const moved = await runReminders();
    expect(moved.byKind).toEqual({ 'remind-1d': 1 });
  });

  it('e-mails each reminder once to users with an address (SMTP), marking emailed_at', async () => {
    for (let i = 0; i < 100 && smtp.mails.length < 3; i++) await sleep(150);
    await sleep(1000);
    // tan-dan.head (sign) + ham-tu.editor (late, then 1 day after the deadline moved); a 4th may be
    // the scheduled sweep's (every 5 minutes) if the test crosses one.
    expect(smtp.mails.length).toBeGreaterThanOrEqual(3);
    const all = smtp.mails.join('\n');
    expect(all).toMatch(/To: kc\.th-tan-dan\.head@truong\.example/);
    expect(all).toMatch(/To: kc\.th-ham-tu\.editor@truong\.example/);
    const rows = await reminders();
    expect(rows.filter((r) => r.emailed).map((r) => r.username).sort()).toEqual([
      'kc.th-ham-tu.editor',
      'kc.th-ham-tu.editor',
      'kc.th-tan-dan.head',
    ]);
    // The sweep e-mails the other notifications not yet sent (here: the flow's "Gửi ký" to the head),
    // then neither a second sweep nor a repeated e-mail job sends anything more.
    const waitJob = async (id: string) => {
      for (let i = 0; i < 100; i++) {
        const s = await sut.http.get(`/api/jobs/${id}`).set(as('hy.admin'));
        if (s.body.state === 'completed') return s.body;
        await sleep(150);
      }
      throw new Error('job did not finish');
    };
    expect([0, 1]).toContain((await waitJob(await jobs.enqueue(JOB.emailSweep, {}, { userId: adminId }))).result.queued);
    for (let i = 0; i < 100 && smtp.mails.length < 4; i++) await sleep(150);
    expect(smtp.mails).toHaveLength(4);
    // The mail leaves before its job's transaction commits emailed_at: wait for the commit.
    const unsentNow = () =>
      sut.sql(`SELECT n.id FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email IS NOT NULL AND n.emailed_at IS NULL`);
    let unsent = await unsentNow();
    for (let i = 0; i < 50 && unsent.length; i++) {
      await sleep(100);
      unsent = await unsentNow();
    }
    expect(unsent).toEqual([]);
    expect((await waitJob(await jobs.enqueue(JOB.emailSweep, {}, { userId: adminId }))).result).toEqual({ queued: 0 });
    const one = (await sut.sql<{ id: string }>(`SELECT id FROM notification WHERE emailed_at IS NOT NULL LIMIT 1`))[0]!.id;
    const again = await waitJob(await jobs.enqueue(JOB.notificationEmail, { notificationId: one }, { userId: adminId }));
    expect(again.result).toEqual({ sent: false, reason: 'Đã gửi thư trước đó.' });
    await sleep(500);
    expect(smtp.mails).toHaveLength(4);
    const subject = /Subject: (.*)/.exec(smtp.mails[0]!)![1]!;
    expect(subject).toMatch(/^=\?UTF-8\?|^\[Báo cáo BĐG\]/);
  });
});
