/**
 * Issue 19 — reporting regimes in the browser: the province admin sees the shipped plan's next rounds with
 * their dates, declares a new regime whose round opens today, and the round opens on its day.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser, Shots, signIn, watchPage } from './support/browser.js';

const RUN = Date.now().toString(36).slice(-5);
const CODE = `hy-e2e-${RUN}`;
const NAME = `Báo cáo nhanh BĐG Văn Giang (${RUN})`;

/** Today in Vietnam as "d/m", and its year. */
function todayInVietnam(): { dm: string; year: number } {
  const d = new Date(Date.now() + 7 * 3_600_000);
  return { dm: `${d.getUTCDate()}/${d.getUTCMonth() + 1}`, year: d.getUTCFullYear() };
}

describe('admin: reporting regimes open their rounds (issue 19)', () => {
  let browser: Browser;
  let admin: { ctx: BrowserContext; page: Page };
  const shots = new Shots('regimes');
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await signIn(browser, 'hy.admin');
    problems.push(...watchPage(admin.page, 'hy.admin'));
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await shots.take(admin.page, 'FAILED').catch(() => {});
  });
  afterAll(async () => {
    await browser?.close();
    console.log(`[e2e regimes] screenshots:\n  ${shots.files.join('\n  ')}`);
  });

  it("shows the Khoái Châu plan's next rounds with their dates", async () => {
    const { page } = admin;
    // The menu folds its last entries behind "···" at this width: open the screen by its address.
    await page.goto(`${baseUrl()}/admin/regimes`);
    await page.getByTestId('regime-list').waitFor();
    const row = page.locator('tr', { hasText: 'Khoái Châu' }).first();
    await row.locator('.ant-table-row-expand-icon').click();
    const preview = page.getByTestId('regime-preview-khoai-chau-bdg-6-thang');
    await preview.getByText('6 tháng đầu năm 2027').waitFor();
    expect(await preview.textContent()).toContain('trường: 12/05/2027');
    await shots.take(page, 'regime-preview');
  });

  it('declares a regime whose round opens today, and the round opens', async () => {
    const { page } = admin;
    const { dm } = todayInVietnam();
    const definition = {
      code: CODE,
      name: NAME,
      template: { code: 'bdg-vstbpn-dinh-ky' },
      frequency: 'year',
      cutOff: { from: '1/1', to: dm },
      opens: { date: dm },
      rootUnitCode: 'PGD-VG',
      flows: { truong_th: 'truong', phong: 'phong' },
      levels: [
        { kinds: ['truong_th'], label: 'trường tiểu học', deadline: { workingDaysAfterCutOff: 5 } },
        { kinds: ['phong'], label: 'Phòng GD&ĐT', deadline: { workingDaysAfterCutOff: 10 } },
      ],
    };
    await page.getByTestId('new-regime').click();
    await page.getByTestId('regime-json').fill(JSON.stringify(definition, null, 2));
    await shots.take(page, 'regime-new');
    await page.getByTestId('save-regime').click();
    const row = page.locator('tr', { hasText: NAME });
    await row.waitFor();
    await page.getByTestId('open-due').click();
    await page.getByRole('button', { name: 'Mở', exact: true }).click();
    await page.getByText(/Đã mở 1 đợt báo cáo đến hạn/).waitFor({ timeout: 60_000 });
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByTestId(`regime-preview-${CODE}`).getByText('Đã mở').first().waitFor();
    await shots.take(page, 'regime-opened');
    await page.getByRole('link', { name: 'Đợt báo cáo' }).click();
    await page.getByText(NAME, { exact: false }).first().waitFor();
    expect(problems).toEqual([]);
  });
});
