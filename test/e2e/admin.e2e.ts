/**
 * Issue 8 — the admin's yearly routine, in the browser: clone last period's template, add a required summed number
 * and a computed percentage, publish; copy the school flow, add a transition, see and fix the lint error, publish;
 * open a round for one Phòng with both; a school of that Phòng sees the round and must fill the new field.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { khoaiChauReport } from '../../backend/src/test-support/khoai-chau-data.js';
import { api, apiLogin, launchBrowser, openMenu, pickOption, Shots, signIn, watchPage } from './support/browser.js';

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
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') for (const p of browser?.contexts().flatMap((c) => c.pages()) ?? []) await shots.take(p, 'FAILED').catch(() => {});
  });
  afterAll(async () => {
    await browser?.close();
    console.log(`[e2e admin] screenshots:\n  ${shots.files.join('\n  ')}`);
  });

  it('clones the ministry Khoái Châu template under a new code (a Sở admin cannot add versions to it)', async () => {
    const { page } = admin;
    await openMenu(page, 'Biểu mẫu');
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

  it('adds a required number (summed up) and a computed percentage, then publishes', async () => {
    const { page } = admin;
    const inspector = page.getByTestId('field-inspector');
    // 1. A required integer in section I, rolled up by sum.
    await page.getByTestId('tree-node-I').click();
    await page.getByTestId('add-field').click();
    await page.getByTestId('add-kind-integer').click();
    await inspector.waitFor();
    await inspector.getByTestId('field-title').fill('Số giáo viên nữ đạt danh hiệu giáo viên dạy giỏi');
    await inspector.getByTestId('field-key').fill('soGVNuDayGioi');
    await inspector.getByTestId('field-required').check();
    await pickOption(page, inspector.getByTestId('field-aggregate'), 'Cộng dồn');
    await shots.take(page, 'new-number-field');
    // 2. Its percentage of all staff: computed, recomputed from the sums when rolled up.
    await page.getByTestId('tree-node-I').click();
    await page.getByTestId('add-field').click();
    await page.getByTestId('add-kind-number').click();
    await inspector.getByTestId('field-title').fill('Tỷ lệ giáo viên nữ dạy giỏi (%)');
    await inspector.getByTestId('field-key').fill('tyLeGVNuDayGioi');
    await inspector.getByTestId('field-computed').fill('soGVNuDayGioi / tongSoCBGVNV * 100');
    await inspector.getByText('Công thức hợp lệ.').waitFor();
    await pickOption(page, inspector.getByTestId('field-aggregate'), 'Tỷ lệ tính lại');
    // Picked by their titles (the pointer is only stored).
    await pickOption(page, inspector.getByTestId('ratio-numerator'), 'Số giáo viên nữ đạt danh hiệu giáo viên dạy giỏi');
    await pickOption(page, inspector.getByTestId('ratio-denominator'), 'Tổng số CB-GV-NV');
    await shots.take(page, 'computed-percentage');
    await page.getByRole('tab', { name: /Kiểm tra/ }).click();
    await shots.take(page, 'template-lint');
    await page.getByTestId('publish-template').click();
    await page.getByTestId('confirm-publish').click();
    await page.getByTestId('version-status').filter({ hasText: 'Đã xuất bản' }).waitFor();
    await shots.take(page, 'template-published');
  });

  it('copies the school flow, adds a transition, sees the lint error, fixes it and publishes', async () => {
    const { page } = admin;
    await openMenu(page, 'Quy trình');
    await page.getByTestId('flow-list').waitFor();
    await page.getByTestId('copy-flow-truong-1').click();
    await page.getByTestId('copy-flow-code').fill(FLOW);
    await page.getByRole('dialog').getByRole('button', { name: 'Mở để sửa' }).click();
    await page.getByTestId('flow-editor').waitFor();
    await page.getByTestId('flow-state-pending_signature').waitFor();
    await shots.take(page, 'flow-copy');

    // A new state, reached by a new transition "Rút lại" (RECALL) from "chờ ký": the lint says it has no way out.
    await page.getByTestId('add-state').click();
    const stateDialog = page.getByRole('dialog', { name: 'Thêm trạng thái' });
    await stateDialog.getByLabel('Mã trạng thái').fill('recalled');
    await stateDialog.getByLabel('Nhãn trạng thái mới').fill('Đã rút lại');
    await stateDialog.getByRole('button', { name: 'Thêm' }).click();
    await stateDialog.waitFor({ state: 'hidden' });
    await addTransition(page, 'pending_signature', 'RECALL', 'Rút lại để sửa', 'Đã rút lại');
    await page.getByTestId('flow-error-count').waitFor();
    const findings = (await page.getByTestId('flow-finding').allTextContents()).join('\n');
    console.log(`[e2e admin] flow lint after adding the transition:\n${findings}`);
    expect(findings).toMatch(/recalled|Đã rút lại/);
    await shots.take(page, 'flow-lint-error', true);

    // The fix: a way out of the new state, back to the draft.
    await addTransition(page, 'recalled', 'EDIT', 'Sửa lại', 'Đang soạn');
    await page.getByTestId('flow-error-count').waitFor({ state: 'detached' });
    await page.getByTestId('flow-lint').filter({ hasText: 'Quy trình hợp lệ.' }).waitFor();
    await shots.take(page, 'flow-lint-fixed');
    await page.getByTestId('publish-flow').click();
    await page.getByTestId('confirm-flow-save').click();
    await page.waitForURL(`**/admin/flows/${FLOW}/1`);
    await page.getByTestId('flow-editor').waitFor();
    await shots.take(page, 'flow-published');
  });

  it('opens a round for Phòng GD&ĐT Văn Giang with the new template and flow', async () => {
    const { page } = admin;
    await openMenu(page, 'Đợt báo cáo');
    await page.goto('/admin/rounds/new');
    await page.getByTestId('round-wizard').waitFor();
    await page.getByTestId('round-name').fill(ROUND);
    await page.getByTestId('round-period').fill('2021-2025');
    await pickOption(page, page.getByTestId('round-template'), `${TEMPLATE} v1`);
    await shots.take(page, 'round-general');
    await page.getByTestId('round-next').click();

    // The tree loads lazily (the search only filters loaded units): open the Sở, then pick the Phòng.
    await page.getByTestId('round-root').click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await dropdown.locator('.ant-select-tree-treenode', { hasText: 'Sở Giáo dục và Đào tạo Hưng Yên' }).locator('.ant-select-tree-switcher').click();
    await dropdown.locator('.ant-select-tree-node-content-wrapper', { hasText: 'Phòng Giáo dục và Đào tạo Văn Giang' }).click();
    await page.getByText(/truong_th: \d+ đơn vị/).waitFor();
    await shots.take(page, 'round-scope');
    await page.getByTestId('round-next').click();

    await page.getByTestId('round-kinds').waitFor();
    await pickOption(page, page.getByTestId('round-flow-truong_th'), `(${FLOW})`);
    for (const kind of await page.getByTestId('round-kinds').locator('[data-testid^="round-deadline-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!))) {
      const picker = page.getByTestId(kind);
      const input = (await picker.evaluate((e) => e.tagName)) === 'INPUT' ? picker : picker.locator('input');
      if (await input.isDisabled()) continue;
      await input.click();
      // The Phòng compiles its schools: its deadline must come after theirs (the server refuses otherwise).
      await page.keyboard.type(kind === 'round-deadline-phong' ? '10/07/2027' : '30/06/2027');
      await page.keyboard.press('Enter');
    }
    await shots.take(page, 'round-flows');
    await page.getByTestId('round-next').click();
    await page.getByTestId('round-preview-total').waitFor();
    // The deadline findings show before the admin confirms: 10/07/2027 is a Saturday.
    await page.getByTestId('round-deadline-findings').getByText(/"Phòng GD&ĐT" \(10\/07\/2027\) là ngày nghỉ cuối tuần/).waitFor();
    await shots.take(page, 'round-preview');
    await page.getByTestId('open-round').click();
    await page.getByTestId('confirm-open-round').click();
    await page.getByTestId('round-opened').waitFor({ timeout: 90_000 });
    await shots.take(page, 'round-opened');
  });

  it('a school of Văn Giang sees the round in Việc cần làm and cannot send it until the new field is filled', async () => {
    const user = `${SCHOOL}.editor`;
    const { page } = await signIn(browser, user);
    problems.push(...watchPage(page, user));
    const row = page.getByTestId('my-work-table').locator('tr', { hasText: ROUND });
    await row.waitFor();
    await shots.take(page, 'school-my-work');
    await row.getByRole('link').first().click();
    await page.getByTestId('fill-page').waitFor();
    const newField = page.getByLabel(/Số giáo viên nữ đạt danh hiệu giáo viên dạy giỏi/);
    await newField.waitFor();
    await shots.take(page, 'school-fill-new-field');

    // Everything else of the report through the API with the same user's token (a long form), then reload.
    const token = await apiLogin(user);
    const id = page.url().split('/submissions/')[1]!.split(/[/?#]/)[0]!;
    const sub = await api<{ version: number }>(token, 'GET', `/api/submissions/${id}`);
    const saved = await api(token, 'PUT', `/api/submissions/${id}/data`, { data: khoaiChauReport('Trường Tiểu học Xuân Quan', { total: 36, women: 28, managers: 3, womenManagers: 2 }), version: sub.body.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await page.reload();
    await page.getByTestId('fill-page').waitFor();

    await page.getByTestId('event-buttons').getByRole('button', { name: 'Gửi ký' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/Số giáo viên nữ đạt danh hiệu giáo viên dạy giỏi/);
    await shots.take(page, 'school-submit-refused');

    await newField.fill('5');
    await newField.blur();
    await page.getByTestId('event-buttons').getByRole('button', { name: 'Gửi ký' }).click();
    // Sending it to be signed locks the data: asked first (issue 18).
    await page.getByRole('dialog').filter({ hasText: 'dữ liệu sẽ bị khóa' }).getByRole('button', { name: 'Gửi ký' }).click();
    await page.getByTestId('fill-page').getByText('Chờ ký').first().waitFor();
    await shots.take(page, 'school-sent-to-sign');
    const after = await api<{ state: string; data: { I: Record<string, unknown> }; allowedEvents: { type: string }[] }>(token, 'GET', `/api/submissions/${id}`);
    expect(after.body.state).toBe('pending_signature');
    expect(after.body.data.I).toMatchObject({ soGVNuDayGioi: 5, tyLeGVNuDayGioi: expect.closeTo((5 / 36) * 100, 5) });
    expect(problems).toEqual([]);
  });

  it('reads "Nhật ký": what was just done, by whom, and only the publications when filtered', async () => {
    const { page } = admin;
    // the last item of the admin menu (folded into "···" on a narrow header): by its address
    await page.goto(new URL('/admin/audit', page.url()).toString());
    const table = page.getByTestId('audit-table');
    await table.getByText('Mở đợt báo cáo').first().waitFor();
    await table.getByText('(hy.admin)').first().waitFor();
    await shots.take(page, 'audit-log');
    await pickOption(page, page.getByTestId('audit-action'), 'Xuất bản');
    await page.waitForFunction(() => {
      const rows = Array.from(document.querySelectorAll('[data-testid="audit-table"] tr.ant-table-row'));
      return rows.length > 0 && rows.every((r) => r.textContent?.includes('Xuất bản'));
    });
    // the template and the flow published above, newest first
    const rows = await table.locator('tr.ant-table-row').allTextContents();
    expect(rows[0]).toContain('Quy trình');
    expect(rows.some((r) => r.includes('Biểu mẫu'))).toBe(true);
    expect(problems).toEqual([]);
  });
});

/** `toLabel`: the target state as the builder lists it, by its Vietnamese label. */
async function addTransition(page: Page, from: string, event: string, label: string, toLabel: string) {
  await page.getByTestId(`flow-state-${from}`).click();
  await page.getByTestId('state-panel').waitFor();
  await page.getByTestId('add-transition').click();
  const form = page.getByTestId('transition-form');
  await form.getByLabel('Sự kiện', { exact: true }).fill(event);
  await form.getByTestId('transition-label').fill(label);
  await pickOption(page, form.getByTestId('transition-target'), new RegExp(`^${toLabel}$`));
  await form.getByTestId('save-transition').click();
  await form.waitFor({ state: 'detached' });
}

