import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../bootstrap.js';
import { loadConfig } from '../config/config.js';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../test-support/test-app.js';
import { EscalationService } from './escalation.service.js';

// The escalation runs by hand here: the hourly schedule must not fire in the middle of a test.
process.env.JOBS_SCHEDULE = 'false';

/** A second process on the same database: another worker of the same job. */
async function secondWorker(databaseUrl: string): Promise<{ app: INestApplication; close(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bdg-worker-'));
  const config = loadConfig({ DATA_DIR: dataDir, ADMIN_PASSWORD, JWT_SECRET: randomBytes(32).toString('hex'), SEED_DEMO: 'false', RUN_JOBS: 'true' } as NodeJS.ProcessEnv);
  const app = await createApp(config, databaseUrl, { logger: false });
  await app.init();
  return { app, close: async () => (await app.close(), rmSync(dataDir, { recursive: true, force: true })) };
}

describe(EscalationService.name, () => {
  let sut: TestApp;
  let worker: Awaited<ReturnType<typeof secondWorker>>;
  let kcRound = '';
  const escalatedIn = async (roundId: string) =>
    (await sut.sql<{ n: number }>(`SELECT count(*)::int AS n FROM submission_escalation e JOIN submission s ON s.id = e.submission_id WHERE s.round_id = $1`, [roundId]))[0]!.n;
  const notesOf = (username: string) =>
    sut.sql<{ message: string; submission: string }>(
      `SELECT n.message, n.submission_id AS submission FROM notification n JOIN app_user u ON u.id = n.user_id
        WHERE u.username = $1 AND n.kind = 'escalate-late' ORDER BY n.message`,
      [username],
    );

  beforeAll(async () => {
    // SMTP configured (nothing listens: the e-mails are only queued here, the reminders spec sends them).
    sut = await createTestApp({ SEED_DEMO: 'true', RUN_JOBS: 'true', SMTP_URL: 'smtp://127.0.0.1:9' });
    worker = await secondWorker(sut.databaseUrl);
    [{ id: kcRound }] = await sut.sql<{ id: string }>(`SELECT id FROM round WHERE period = '2016-2020'`);
    await sut.sql(`UPDATE app_user SET email = 'kc.reviewer@phong.example' WHERE username = 'kc.reviewer'`);
    // Tân Dân has handed in (its head signed): it is neither reminded nor escalated.
    await sut.sql(
      `UPDATE submission SET state_tags = '{submitted}' WHERE round_id = $1 AND unit_id = (SELECT id FROM org_unit WHERE code = 'KC-TH-TAN-DAN')`,
      [kcRound],
    );
  });
  afterAll(async () => {
    await worker?.close();
    await sut?.close();
  });

  it('waits the working days the regime allows after the deadline', async () => {
    // The Khoái Châu schools were due 12/05/2027 (Wednesday); 2 working days later is Friday 14/05.
    const run = await sut.app.get(EscalationService).run(new Date('2027-05-13T03:00:00Z'));
    expect(await escalatedIn(kcRound)).toBe(0);
    expect(run.today).toBe('2027-05-13');
  });

  it("tells the parent's reviewers once per unit and deadline, even with two workers at once, with an audit entry", async () => {
    const at = new Date('2027-05-14T03:00:00Z');
    const count = async () => (await sut.sql<{ n: number }>(`SELECT count(*)::int AS n FROM submission_escalation`))[0]!.n;
    // Phú Thọ's and Hòa Bình's units, due earlier, were escalated by the run of 13/05 already.
    const before = await count();
    const [a, b] = await Promise.all([sut.app.get(EscalationService).run(at), worker.app.get(EscalationService).run(at)]);
    const total = await count();
    expect(a.escalated + b.escalated).toBe(total - before);
    // Khoái Châu: 10 schools, one handed in; Văn Giang and Kim Động's schools are late too.
    const kc = await notesOf('kc.reviewer');
    expect(kc).toHaveLength(9);
    expect(new Set(kc.map((n) => n.submission)).size).toBe(9);
    expect(kc.map((n) => n.message)).toContainEqual(
      expect.stringMatching(/^Trường Tiểu học Hàm Tử chưa nộp báo cáo ".+": đã quá hạn 12\/05\/2027 2 ngày làm việc\. Đề nghị Phòng Giáo dục và Đào tạo Khoái Châu đôn đốc đơn vị\.$/),
    );
    expect(kc.map((n) => n.message).join('\n')).not.toMatch(/Tiểu học Tân Dân/);
    expect(await escalatedIn(kcRound)).toBe(27 - 1);
    // The Phòng itself is due 20/05: not late yet, so the Sở hears nothing of it.
    expect((await notesOf('hy.so.reviewer')).filter((n) => /Phòng Giáo dục/.test(n.message.split(' chưa')[0]!))).toEqual([]);
    const audit = await sut.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'escalate' AND entity = 'submission'`);
    expect(audit[0]!.n).toBe(total);
    // The reviewer with an address gets the e-mails too (queued where pg-boss already runs; the sweep sends the rest).
    expect(a.emailsQueued + b.emailsQueued).toBeGreaterThan(0);
  });

  it('names the levels from the tree when a regime opened the round', async () => {
    // Hòa Bình's regime opened 2027-H1 in the demo: schools due 04/05, the Phòng 07/05.
    const notes = await notesOf('hb.tphb.reviewer');
    expect(notes.length).toBeGreaterThan(0);
    expect(notes[0]!.message).toMatch(/\(cấp trường\) chưa nộp báo cáo .* Đề nghị Phòng Giáo dục và Đào tạo thành phố Hòa Bình \(cấp Phòng GD&ĐT\) đôn đốc/);
    const so = await notesOf('hb.so.reviewer');
    expect(so.map((n) => n.message)).toContainEqual(expect.stringMatching(/^Phòng Giáo dục và Đào tạo huyện Lạc Sơn \(cấp Phòng GD&ĐT\) chưa nộp/));
  });

  it('a later run adds nothing; an extended deadline is a new stage', async () => {
    const again = await Promise.all([sut.app.get(EscalationService).run(new Date('2027-05-17T03:00:00Z')), worker.app.get(EscalationService).run(new Date('2027-05-17T03:00:00Z'))]);
    expect(again.map((r) => r.escalated)).toEqual([0, 0]);
    await sut.sql(
      `UPDATE submission SET deadline = '2027-05-18T23:59:59+07:00' WHERE round_id = $1 AND unit_id = (SELECT id FROM org_unit WHERE code = 'KC-TH-HAM-TU')`,
      [kcRound],
    );
    expect((await sut.app.get(EscalationService).run(new Date('2027-05-19T03:00:00Z'))).escalated).toBe(0);
    const later = await sut.app.get(EscalationService).run(new Date('2027-05-20T03:00:00Z'));
    expect(later.escalated).toBe(1);
    expect(later.emailsQueued).toBe(1);
    expect((await notesOf('kc.reviewer')).filter((n) => /Hàm Tử/.test(n.message))).toHaveLength(2);
  });
});
