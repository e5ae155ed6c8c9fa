/**
 * Issue 15 — a province's own flow in the browser: published through the API with renamed states (it ends in
 * `da_duyet`), a deputy principal's step with a province-defined role, and tags. A school fills and hands it in, the
 * deputy approves, the head signs, the Phòng reviewer accepts, all through the UI; the dashboard counts by meaning.
 * The flow is the API integration test's (backend/src/submissions/renamed-flow.int-spec.ts).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { khoaiChauReport } from '../../backend/src/test-support/khoai-chau-data.js';
import { provinceFlow } from '../../backend/src/test-support/province-flow.js';
import { api, apiLogin, launchBrowser, Shots, signIn, watchPage } from './support/browser.js';

const RUN = Date.now().toString(36).slice(-5);
const ROUND = `Báo cáo có phó hiệu trưởng duyệt (${RUN})`;
const SCHOOL_USER = 'vg.th-cuu-cao';
const DEPUTY = `${SCHOOL_USER}.pht${RUN}`;
const DEPUTY_PASSWORD = 'Phohieutruong@2027';
const REVIEWER = 'vg.reviewer';

type Sub = { id: string; state: string; version: number; unitName: string };
type Level = { kind: string; total: number; done: number; byState: Record<string, number> };

describe('a renamed flow with a province-defined step, walked in the browser (issue 15)', () => {
  let browser: Browser;
  const shots = new Shots('renamed-flow');
  const problems: string[] = [];
  const users: Record<string, { ctx: BrowserContext; page: Page }> = {};
  let admin = '';
  let editor = '';
  let roundId = '';
  let subId = '';
  let school = '';

  const as = async (username: string, password?: string): Promise<Page> => {
    if (!users[username]) {
      users[username] = await signIn(browser, username, password);
      problems.push(...watchPage(users[username].page, username));
    }
    return users[username].page;
  };
  const state = async () => (await api<Sub>(editor, 'GET', `/api/submissions/${subId}`)).body.state;
  const openWork = async (page: Page, action: string) => {
    const button = page.getByRole('button', { name: `${action}: ${school}, ${ROUND}` });
    await button.waitFor();
    await button.click();
  };
  /** Clicks an event button by the flow's label; confirms when the app asks first (events that lock the data). */
  const fire = async (page: Page, label: string, to: string) => {
    await page.getByTestId('event-buttons').getByRole('button', { name: label }).click();
    const confirm = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: label }) });
    const moved = expect.poll(state, { timeout: 20_000 }).toBe(to);
    if (await confirm.waitFor({ timeout: 2_000 }).then(() => true, () => false)) await confirm.getByRole('button', { name: label }).click();
    await moved;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await apiLogin('hy.admin');
    editor = await apiLogin(`${SCHOOL_USER}.editor`);
    const me = await api<{ unitId: string; unitName: string }>(editor, 'GET', '/api/me');
    school = me.body.unitName;
    const role = await api(admin, 'POST', '/api/roles', { code: 'pho_hieu_truong', label: 'Phó hiệu trưởng' });
    expect([201, 409], JSON.stringify(role.body)).toContain(role.status);
    const user = await api(admin, 'POST', '/api/users', { username: DEPUTY, password: 'Matkhau@2026', fullName: 'Phó hiệu trưởng Cửu Cao', unitId: me.body.unitId, roles: ['pho_hieu_truong'] });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    // An admin-set password must be changed before the app lets the user in.
    const changed = await api(await apiLogin(DEPUTY, 'Matkhau@2026'), 'POST', '/api/me/password', { currentPassword: 'Matkhau@2026', newPassword: DEPUTY_PASSWORD });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);

    const draft = await api(admin, 'POST', `/api/flows/${provinceFlow.id}/versions`, { machine: provinceFlow });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect((await api(admin, 'POST', `/api/flows/${provinceFlow.id}/versions/1/publish`)).status).toBe(201);
    const phong = (await api<{ unitId: string }>(await apiLogin(REVIEWER), 'GET', '/api/me')).body.unitId;
    const round = await api<{ id: string }>(admin, 'POST', '/api/rounds', {
      name: ROUND,
      template: { code: 'khoai-chau-bdg-2016-2020', version: 1 },
      rootUnitId: phong,
      period: '2027',
      flows: { truong_th: provinceFlow.id, phong: 'phong' },
      deadlines: { truong_th: '2027-06-10', phong: '2027-06-20' },
      carryForward: false,
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    roundId = round.body.id;
    // The round opens in the background: wait for the school's submission.
    for (const t0 = Date.now(); !subId && Date.now() - t0 < 90_000; await new Promise((r) => setTimeout(r, 1_000))) {
      const work = await api<{ items: { id: string; roundId: string }[] }>(editor, 'GET', '/api/my-work?pageSize=100');
      subId = work.body.items.find((w) => w.roundId === roundId)?.id ?? '';
    }
    expect(subId, 'the school’s submission of the new round').not.toBe('');
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') for (const p of browser?.contexts().flatMap((c) => c.pages()) ?? []) await shots.take(p, 'FAILED').catch(() => {});
  });
  afterAll(async () => {
    await browser?.close();
    console.log(`[e2e renamed-flow] screenshots:\n  ${shots.files.join('\n  ')}`);
  });

  it('the school fills the report and sends it to the deputy principal, by the flow’s labels', async () => {
    const page = await as(`${SCHOOL_USER}.editor`);
    await openWork(page, 'Nhập liệu');
    await page.getByTestId('fill-page').waitFor();
    await page.getByTestId('fill-page').getByText('Đang soạn thảo').first().waitFor();
    // The long form through the API with the same user's token, then reload.
    const cur = (await api<Sub>(editor, 'GET', `/api/submissions/${subId}`)).body;
    const saved = await api(editor, 'PUT', `/api/submissions/${subId}/data`, { data: khoaiChauReport(school, { total: 20, women: 12, managers: 2, womenManagers: 1 }), version: cur.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await page.reload();
    await page.getByTestId('fill-page').waitFor();
    await fire(page, 'Gửi phó hiệu trưởng', 'cho_pht');
    await page.getByTestId('fill-page').getByText('Chờ phó hiệu trưởng duyệt').first().waitFor();
    await shots.take(page, 'sent-to-deputy');
  });

  it('the deputy principal (a province-defined role) finds it in Việc cần làm and approves it', async () => {
    const page = await as(DEPUTY, DEPUTY_PASSWORD);
    await openWork(page, 'Xem và duyệt');
    await page.getByTestId('fill-page').waitFor();
    await shots.take(page, 'deputy-sees');
    await fire(page, 'Phó hiệu trưởng duyệt', 'cho_ky');
  });

  it('the head signs it to the Phòng and the reviewer accepts it', async () => {
    const head = await as(`${SCHOOL_USER}.head`);
    await openWork(head, 'Xem và ký');
    await head.getByTestId('fill-page').waitFor();
    await fire(head, 'Ký gửi Phòng', 'da_gui');
    const reviewer = await as(REVIEWER);
    await openWork(reviewer, 'Duyệt');
    await reviewer.getByTestId('review-page').waitFor();
    await shots.take(reviewer, 'review');
    await fire(reviewer, 'Duyệt', 'da_duyet');
  });

  it('the dashboard counts the school as done by the tags, with the flow’s state labels', async () => {
    const progress = (await api<{ levels: Level[] }>(await apiLogin(REVIEWER), 'GET', `/api/rounds/${roundId}/progress`)).body;
    const th = progress.levels.find((l) => l.kind === 'truong_th')!;
    expect(th).toMatchObject({ done: 1, byState: { da_duyet: 1, soan_thao: th.total - 1 } });
    const page = await as(REVIEWER);
    await page.goto(`/dashboard/${roundId}`);
    const card = page.getByTestId('node-card');
    await card.waitFor();
    await card.getByText(/Đã duyệt/).waitFor();
    const summary = (await card.textContent()) ?? '';
    expect(summary).toContain('1 Đã duyệt');
    expect(summary).toContain(`${th.total - 1} Đang soạn thảo`);
    await page.getByText(`1/${th.total} đơn vị`).first().waitFor();
    await shots.take(page, 'dashboard');
    expect(problems).toEqual([]);
  });
});
