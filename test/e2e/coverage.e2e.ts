/**
 * Issue 14 — honest completeness, in the browser: the Phòng compiles 2 of its 10 schools, sees "2/10" on the compile
 * page and must confirm before handing it on and before signing; the document says how many units it covers; the
 * dashboard's percentages are the coverage (included/expected), not 100 %.
 * The suite opens its own round (over the Khoái Châu Phòng), so it does not depend on what other suites did.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, apiLogin, baseUrl, launchBrowser, Shots, signIn, watchPage } from './support/browser.js';
import { khoaiChauReport } from '../../backend/src/test-support/khoai-chau-data.js';
import { docxParagraphs } from '../../backend/src/test-support/docx-text.js';

const ADMIN = 'hy.admin';
const REVIEWER = 'kc.reviewer';
const HEAD = 'kc.head';
const SCHOOLS = ['kc.th-tan-dan', 'kc.th-dong-tien'] as const;
const ROUND = 'Kiểm tra độ đầy đủ khi tổng hợp (trình duyệt)';

type Coverage = { included: number; expected: number; missing: { unitName: string }[] };
type Sub = { id: string; state: string; version: number; contentHash: string; status: string; coverage: Coverage | null; unitCode: string };

describe('coverage: the Phòng compiles 2 of 10 schools and says so everywhere (issue 14)', () => {
  let browser: Browser;
  const shots = new Shots('coverage');
  const problems: string[] = [];
  const users: Record<string, { ctx: BrowserContext; page: Page }> = {};
  const tokens: Record<string, string> = {};
  let roundId = '';
  let phongId = '';

  const as = async (username: string): Promise<Page> => {
    if (!users[username]) {
      users[username] = await signIn(browser, username);
      problems.push(...watchPage(users[username].page, username));
    }
    return users[username].page;
  };
  const sub = async (id: string, user = REVIEWER) => (await api<Sub>(tokens[user]!, 'GET', `/api/submissions/${id}`)).body;
  const send = async (user: string, id: string, type: string) => {
    const seen = await sub(id, user);
    const res = await api(tokens[user]!, 'POST', `/api/submissions/${id}/events`, { type, contentHash: seen.contentHash });
    expect(res.status, `${type} by ${user}: ${JSON.stringify(res.body)}`).toBe(200);
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    for (const u of [ADMIN, REVIEWER, HEAD, ...SCHOOLS.flatMap((s) => [`${s}.editor`, `${s}.head`])]) tokens[u] = await apiLogin(u);
    // The Phòng's reviewer belongs to the Phòng: its unit is the round's root.
    const phongUnit = { id: (await api<{ unitId: string }>(tokens[REVIEWER]!, 'GET', '/api/me')).body.unitId };
    const round = await api<{ id: string }>(tokens[ADMIN]!, 'POST', '/api/rounds', {
      name: ROUND,
      template: { code: 'khoai-chau-bdg-2016-2020', version: 1 },
      rootUnitId: phongUnit.id,
      period: '2029',
      flows: { truong_mn: 'truong', truong_th: 'truong', truong_thcs: 'truong', phong: 'phong' },
      deadlines: { truong_mn: '2029-06-10', truong_th: '2029-06-10', truong_thcs: '2029-06-10', phong: '2029-06-20' },
      carryForward: false,
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    roundId = round.body.id;
    const list = await api<Sub[] | { items: Sub[] }>(tokens[REVIEWER]!, 'GET', `/api/submissions?roundId=${roundId}`);
    const rows = Array.isArray(list.body) ? list.body : list.body.items;
    phongId = rows.find((x) => x.unitCode === 'PGD-KC')!.id;
    // Two of the ten schools go through their flow (fill, submit, sign, accepted by the Phòng) through the API.
    for (const s of SCHOOLS) {
      const mine = rows.find((x) => x.unitCode === `KC-${s.slice(3).toUpperCase()}`)!;
      const cur = await sub(mine.id, `${s}.editor`);
      const put = await api(tokens[`${s}.editor`]!, 'PUT', `/api/submissions/${mine.id}/data`, {
        data: khoaiChauReport(s, { total: 40, women: 20, managers: 3, womenManagers: 1 }),
        version: cur.version,
      });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      await send(`${s}.editor`, mine.id, 'SUBMIT');
      await send(`${s}.head`, mine.id, 'SIGN');
      await send(REVIEWER, mine.id, 'ACCEPT');
    }
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') for (const p of browser?.contexts().flatMap((c) => c.pages()) ?? []) await shots.take(p, 'FAILED').catch(() => {});
  });
  afterAll(async () => {
    await browser?.close();
    console.log(`[e2e coverage] screenshots:\n  ${shots.files.join('\n  ')}`);
  });

  it('the Phòng compiles, sees 2/10 with the missing schools, and confirms before handing the report on', async () => {
    const page = await as(REVIEWER);
    await page.goto(`/submissions/${phongId}/compile`);
    await page.getByTestId('compile-page').waitFor();
    await page.locator('button[data-event="COMPILE"]').click();
    await page.getByText('Đã tổng hợp 2/10 đơn vị').waitFor({ timeout: 90_000 });
    const notice = page.getByTestId('coverage-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-included')).toBe('2');
    expect(await notice.getAttribute('data-expected')).toBe('10');
    expect(await notice.textContent()).toContain('Báo cáo này tổng hợp 2/10 đơn vị; chưa có:');
    expect(await notice.textContent()).toContain('Trường THCS Tân Dân');
    await shots.take(page, 'compiled-2-of-10');
    // The Phòng writes its own part (the document's number and date) before handing the report on.
    const compiled = await api<Sub & { data: Record<string, unknown> }>(tokens[REVIEWER]!, 'GET', `/api/submissions/${phongId}`);
    const own = khoaiChauReport('kc', { total: 1, women: 1, managers: 1, womenManagers: 1 }) as Record<string, unknown>;
    const saved = await api(tokens[REVIEWER]!, 'PUT', `/api/submissions/${phongId}/data`, { data: { ...compiled.body.data, vanBan: own.vanBan }, version: compiled.body.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await page.reload();
    await page.getByTestId('coverage-notice').waitFor();

    await page.locator('button[data-event="SUBMIT"]').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('confirm-coverage').textContent()).toContain('2/10');
    await shots.take(page, 'submit-confirm');
    await dialog.getByRole('button', { name: /Hủy/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await sub(phongId)).status).toBe('editing');
    await page.locator('button[data-event="SUBMIT"]').click();
    await page.getByRole('dialog').getByTestId('confirm-coverage').waitFor();
    await page.getByRole('dialog').locator('.ant-btn-primary').click();
    await expect.poll(async () => (await sub(phongId)).status, { timeout: 60_000 }).toBe('awaitingSignature');
    expect(problems).toEqual([]);
  });

  it('the head sees 2/10 on the sign page and must confirm it before signing', async () => {
    const page = await as(HEAD);
    await page.goto(`/submissions/${phongId}`);
    const notice = page.getByTestId('coverage-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('2/10');
    await page.locator('button[data-event="SIGN"]').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('confirm-coverage').textContent()).toContain('Báo cáo này tổng hợp 2/10 đơn vị');
    await shots.take(page, 'sign-confirm');
    await dialog.getByRole('button', { name: /Hủy/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await sub(phongId, HEAD)).status).toBe('awaitingSignature');
    await page.locator('button[data-event="SIGN"]').click();
    await page.getByRole('dialog').getByTestId('confirm-coverage').waitFor();
    await page.getByRole('dialog').locator('.ant-btn-primary').click();
    await expect.poll(async () => (await sub(phongId, HEAD)).status, { timeout: 90_000 }).toBe('submitted');
    expect(problems).toEqual([]);
  });

  it('the document says how many units it covers and lists the missing ones', async () => {
    const res = await fetch(`${baseUrl()}/api/submissions/${phongId}/export?format=docx`, { headers: { Authorization: `Bearer ${tokens[HEAD]}` } });
    expect(res.status).toBe(200);
    const { paragraphs } = await docxParagraphs(Buffer.from(await res.arrayBuffer()));
    expect(paragraphs).toContain('Báo cáo này tổng hợp 2/10 đơn vị; 8 đơn vị chưa có được liệt kê ở Phụ lục.');
    expect(paragraphs.join('\n')).toContain('Trường THCS Tân Dân');
  });

  it('the dashboard’s percentages are the coverage (included/expected), not 100 %', async () => {
    const phong = await sub(phongId);
    const { included, expected } = phong.coverage!;
    const percent = `${Math.round((included / expected) * 100)} %`;
    expect(percent).toBe('20 %');
    const page = await as(REVIEWER);
    await page.goto(`/dashboard/${roundId}`);
    const levels = page.getByTestId('chart-levels').locator('[role="img"][aria-label^="Trạng thái theo cấp"]');
    await levels.waitFor();
    const levelSummary = (await levels.getAttribute('aria-label'))!;
    // The Phòng handed in a report covering 2 of its 10 schools: it counts for 20 %, not 100 %.
    expect(levelSummary).toMatch(new RegExp(`Phòng[^:;]*: ${percent} đã nộp`));
    expect(levelSummary).not.toMatch(/Phòng[^:;]*: 100 ?% đã nộp/);
    await shots.take(page, 'dashboard');
    expect(problems).toEqual([]);
  });
});
