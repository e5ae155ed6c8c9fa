/**
 * Issue 8 — the admin's yearly routine, in the browser: clone last period's template, add a required summed number
 * and a computed percentage, publish; copy the school flow, add a transition, see and fix the lint error, publish;
 * open a round for one Phòng with both; a school of that Phòng sees the round and must fill the new field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, apiLogin, launchBrowser, Shots, signIn, watchPage } from './support/browser.js';

const RUN = Date.now().toString(36).slice(-5);
const TEMPLATE = `hy-bdg-2021-2025-${RUN}`;
const FLOW = `truong-hy-${RUN}`;
const ROUND = `Báo cáo BĐG Văn Giang 2021–2025 (${RUN})`;
const SCHOOL = 'vg.th-xuan-quan';

describe('admin: clone a template, change a flow, open a round (issue 8)', () => {
  let browser: Browser;
  let admin: { ctx: BrowserContext; page: Page };
  const shots = new Shots('admin');
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await signIn(browser, 'hy.admin');
    problems.push(...watchPage(admin.page, 'hy.admin'));
  });
  afterAll(async () => {
    await browser?.close();
    console.log(`[e2e admin] screenshots:\n  ${shots.files.join('\n  ')}`);
  });

  it('clones the ministry Khoái Châu template under a new code (a Sở admin cannot add versions to it)', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Biểu mẫu' }).click();
    await page.getByTestId('template-list').waitFor();
    await page.getByTestId('clone-khoai-chau-bdg-2016-2020-1').waitFor();
    await shots.take(page, 'template-list');
    await page.getByTestId('clone-khoai-chau-bdg-2016-2020-1').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('clone-code').fill(TEMPLATE);
    await dialog.getByTestId('clone-title').fill('Báo cáo BĐG giai đoạn 2021–2025 (Hưng Yên)');
    await shots.take(page, 'clone-dialog');
    await dialog.getByTestId('confirm-clone').click();
    await page.waitForURL(`**/admin/templates/${TEMPLATE}/1`);
    await page.getByTestId('template-editor').waitFor();
    expect(await page.getByTestId('version-status').textContent()).toContain('Bản nháp');
    await shots.take(page, 'template-draft');
  });
});
