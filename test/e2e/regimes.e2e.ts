/**
 * Issue 19 — reporting regimes in the browser: the province admin sees the shipped plan's next rounds with
 * their dates, declares a new regime whose round opens today, and the round opens on its day.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser, openMenu, pickOption, Shots, signIn, watchPage } from './support/browser.js';

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

  it('declares a regime with the form, sees its next two years of rounds, and the round opens on its day', async () => {
    const { page } = admin;
    const { dm, year } = todayInVietnam();
    await page.getByTestId('new-regime').click();
    await page.getByTestId('regime-editor').waitFor();
    await page.getByTestId('regime-name').fill(NAME);
    await page.getByTestId('regime-code').fill(CODE);
    await pickOption(page, page.getByTestId('regime-frequency'), 'Năm');
    // The figures are cut off today and the round opens today: its deadlines follow in working days.
    await page.getByText('Đặt lại', { exact: true }).click();
    await page.getByTestId('regime-cutoff-from').fill('1/1');
    await page.getByTestId('regime-cutoff-to').fill(dm);
    await page.getByTestId('regime-opens-date').fill(dm);
    await page.getByTestId('regime-root').fill('PGD-VG');
    // Văn Giang's rounds stop at the Phòng: no Sở level.
    await page.getByRole('button', { name: 'Xoá loại đơn vị' }).nth(2).click();
    await page.getByRole('button', { name: 'Xoá cấp' }).nth(2).click();
    await pickOption(page, page.getByTestId('regime-level-rule-0'), 'Số ngày làm việc sau ngày chốt');
    await pickOption(page, page.getByTestId('regime-level-rule-1'), 'Số ngày làm việc sau ngày chốt');
    await page.getByTestId('regime-level-days-1').fill('10');
    const preview = page.getByTestId('regime-draft-preview');
    await preview.getByText(`Năm ${year}`, { exact: true }).waitFor({ timeout: 30_000 });
    await preview.getByText(`Năm ${year + 1}`, { exact: true }).waitFor();
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
    await openMenu(page, 'Đợt báo cáo');
    await page.getByText(NAME, { exact: false }).first().waitFor();
    expect(problems).toEqual([]);
  });
});
