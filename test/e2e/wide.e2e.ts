/**
 * Issue 18 — the reviewer and admin screens work from 1024 px: the main reviewer screens (Việc cần làm, review,
 * compile, progress) and the admin screens (templates, template builder, flow builder, org, users, rounds) at
 * 1024×768, in one browser context (the reviewer signs in through the page, the admin's session replaces it): no page
 * scrolls sideways and every primary button is inside the window. Screenshots in test/artifacts/e2e/wide/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, apiLogin, baseUrl, DEMO, launchBrowser, Shots, watchPage } from './support/browser.js';
import { khoaiChauReport } from '../../backend/src/test-support/khoai-chau-data.js';

// Its own round over the Phòng (other files move the demo round's Phòng report on): the Phòng is collecting here.
const ROUND = 'Màn hình 1024 px (trình duyệt)';
const WIDE = { width: 1024, height: 768 };

type WorkItem = { id: string; roundName: string; task: string; unitName: string };

describe('reviewer and admin screens at 1024 px (issue 18)', () => {
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  const shots = new Shots('wide');
  const problems: string[] = [];

  /** The document is no wider than the window: nothing scrolls sideways. */
  const noSideScroll = async (where: string) => {
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll, `${where}: page is ${scroll}px wide on a ${WIDE.width}px screen`).toBeLessThanOrEqual(WIDE.width + 1);
  };

  /** Every primary button shown is inside the window once scrolled to (not cut off on the right). */
  const primaryButtonsVisible = async (where: string, atLeast = 1) => {
    const buttons = page.locator('.ant-btn-primary:visible');
    const n = await buttons.count();
    expect(n, `${where}: primary buttons`).toBeGreaterThanOrEqual(atLeast);
    for (let i = 0; i < n; i++) {
      const b = buttons.nth(i);
      await b.scrollIntoViewIfNeeded();
      const box = await b.boundingBox();
      const name = (await b.textContent())?.trim() || (await b.getAttribute('aria-label'));
      expect(box, `${where}: "${name}" has no box`).not.toBeNull();
      expect(box!.x, `${where}: "${name}" left`).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `${where}: "${name}" right`).toBeLessThanOrEqual(WIDE.width + 1);
    }
  };

  /** Opens a screen, waits for what marks it ready, then checks and photographs it. */
  const check = async (name: string, url: string, ready: (p: Page) => Promise<unknown>, atLeast = 1) => {
    await page.goto(url);
    await ready(page);
    await page.waitForLoadState('networkidle').catch(() => {});
    await noSideScroll(name);
    await primaryButtonsVisible(name, atLeast);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shots.take(page, name);
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await browser.newContext({ baseURL: baseUrl(), viewport: WIDE, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    ctx.setDefaultTimeout(30_000);
    ctx.setDefaultNavigationTimeout(60_000);
    page = await ctx.newPage();
    problems.push(...watchPage(page, 'wide'));
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await shots.take(page, 'FAILED').catch(() => {});
  });
  afterAll(async () => {
    console.log(`[e2e wide] screenshots:\n  ${shots.files.join('\n  ')}`);
    await browser?.close();
  });

  it("the reviewer's screens: Việc cần làm, review, compile, progress", async () => {
    // A round of its own over the Phòng, and a school's report sent and signed through the API, so the review page has its steps.
    const phongId = (await api<{ unitId: string }>(await apiLogin('kc.reviewer'), 'GET', '/api/me')).body.unitId;
    const opened = await api(await apiLogin('hy.admin'), 'POST', '/api/rounds', {
      name: ROUND,
      template: { code: 'khoai-chau-bdg-2016-2020', version: 1 },
      rootUnitId: phongId,
      period: '2031',
      flows: { truong_mn: 'truong', truong_th: 'truong', truong_thcs: 'truong', phong: 'phong' },
      deadlines: { truong_mn: '2031-06-10', truong_th: '2031-06-10', truong_thcs: '2031-06-10', phong: '2031-06-20' },
      carryForward: false,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const editor = await apiLogin('kc.mn-binh-minh.editor');
    const work = await api<{ items: WorkItem[] }>(editor, 'GET', '/api/my-work?pageSize=500');
    const mine = work.body.items.find((w) => w.roundName === ROUND)!;
    const sub = (await api<{ id: string; version: number }>(editor, 'GET', `/api/submissions/${mine.id}`)).body;
    const data = khoaiChauReport('Trường Mầm non Bình Minh', { total: 28, women: 25, managers: 3, womenManagers: 3 });
    expect((await api(editor, 'PUT', `/api/submissions/${sub.id}/data`, { data, version: sub.version })).status).toBe(200);
    expect((await api(editor, 'POST', `/api/submissions/${sub.id}/events`, { type: 'SUBMIT' })).status).toBe(200);
    expect((await api(await apiLogin('kc.mn-binh-minh.head'), 'POST', `/api/submissions/${sub.id}/events`, { type: 'SIGN' })).status).toBe(200);

    await page.goto('/login');
    await noSideScroll('sign-in');
    await page.getByLabel('Tên đăng nhập').fill('kc.reviewer');
    await page.getByLabel('Mật khẩu').fill(DEMO);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();

    const reviewerToken = await page.evaluate(() => localStorage.getItem('bdg.token'));
    const todo = await api<{ items: WorkItem[] }>(reviewerToken!, 'GET', '/api/my-work?pageSize=500');
    const compile = todo.body.items.find((w) => w.roundName === ROUND && w.task === 'compile');
    expect(compile, 'the Phòng has its consolidation to do').toBeDefined();

    await check('my-work', '/', (p) => p.getByTestId('my-work-table').waitFor(), 0);
    await check('review', `/submissions/${sub.id}/review`, (p) => p.getByRole('button', { name: 'Chấp nhận' }).waitFor(), 1);
    await check('compile', `/submissions/${compile!.id}/compile`, (p) => p.getByTestId('children-table').waitFor(), 0);
    await check('dashboard', '/dashboard', (p) => p.getByTestId('node-card').waitFor(), 0);
  });

  it('the admin screens: templates, template builder, flow builder, org, users, rounds', async () => {
    // The same browser context: the admin's session replaces the reviewer's.
    const token = await apiLogin('hy.admin');
    await page.evaluate((t) => localStorage.setItem('bdg.token', t), token);
    await check('admin-templates', '/admin/templates', (p) => p.getByTestId('template-list').getByRole('row').nth(1).waitFor());
    await check('admin-template-builder', '/admin/templates/khoai-chau-bdg-2016-2020/1', (p) => p.getByTestId('template-editor').waitFor(), 0);
    await check('admin-flow-builder', '/admin/flows/truong/1', (p) => p.getByTestId('flow-editor').waitFor(), 0);
    await check('admin-org', '/admin/org', (p) => p.getByTestId('org-page').getByRole('tree').waitFor(), 0);
    await check('admin-users', '/admin/users', (p) => p.getByTestId('users-page').getByRole('row').nth(1).waitFor());
    await check('admin-rounds', '/admin/rounds', (p) => p.getByTestId('round-list').getByRole('row').nth(1).waitFor());
    await check('admin-round-wizard', '/admin/rounds/new', (p) => p.getByRole('heading').first().waitFor(), 0);
    expect(problems).toEqual([]);
  });
});
