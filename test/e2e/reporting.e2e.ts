/**
 * Issue 7 — one school report through the whole flow, in the browser: the editor fills the Khoái Châu report with a
 * mistake, sees the Vietnamese message, fixes it, sends it to be signed; the head signs (the lock warning); the Phòng
 * reviewer returns it with a comment; the editor fixes and resends, the head signs again; the reviewer accepts; the
 * Phòng compiles and a rolled-up figure shows the units it came from; the Sở's Giám đốc signs the published
 * report and the signature panel shows the head's signature and the agency's seal both valid.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, apiLogin, launchBrowser, Shots, signIn, watchPage } from './support/browser.js';
import { khoaiChauReport } from '../../backend/src/test-support/khoai-chau-data.js';

const ROUND = 'Báo cáo tổng kết BĐG và VSTBPN giai đoạn 2016–2020';
const SCHOOL = 'Trường Tiểu học Tân Dân';
const EDITOR = 'kc.th-tan-dan.editor';
const HEAD = 'kc.th-tan-dan.head';
const REVIEWER = 'kc.reviewer';

type Sub = { id: string; roundId: string; state: string; version: number; data: Record<string, Record<string, unknown>>; allowedEvents: { type: string }[] };

describe('reporting: fill, sign, return, resend, accept, compile, sources (issue 7)', () => {
  let browser: Browser;
  const shots = new Shots('reporting');
  const problems: string[] = [];
  const users: Record<string, { ctx: BrowserContext; page: Page }> = {};
  let subId = '';
  let editorToken = '';

  const as = async (username: string): Promise<Page> => {
    if (!users[username]) {
      users[username] = await signIn(browser, username);
      problems.push(...watchPage(users[username].page, username));
    } else {
      await users[username].page.goto('/');
      await users[username].page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
    }
    return users[username].page;
  };
  const state = async () => (await api<Sub>(editorToken, 'GET', `/api/submissions/${subId}`)).body;
  /** Opens the work item of the school in Việc cần làm by its button ("Nhập liệu", "Xem và ký", "Duyệt", "Tổng hợp"). */
  const openWork = async (page: Page, action: string, unit = SCHOOL) => {
    const button = page.getByRole('button', { name: `${action}: ${unit}, ${ROUND}` });
    await button.waitFor();
    await button.click();
  };
  const field = (page: Page, pointer: string) => page.locator(`#root${pointer.replace(/\//g, '_')}`);

  beforeAll(async () => {
    browser = await launchBrowser();
    editorToken = await apiLogin(EDITOR);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') for (const p of browser?.contexts().flatMap((c) => c.pages()) ?? []) await shots.take(p, 'FAILED').catch(() => {});
  });
  afterAll(async () => {
    await browser?.close();
    console.log(`[e2e reporting] screenshots:\n  ${shots.files.join('\n  ')}`);
  });

  it('the editor fills the report, makes a mistake, reads the Vietnamese message, fixes it and sends it to be signed', async () => {
    const page = await as(EDITOR);
    await shots.take(page, 'editor-my-work');
    await openWork(page, 'Nhập liệu');
    await page.getByTestId('fill-page').waitFor();
    subId = page.url().split('/submissions/')[1]!.split(/[/?#]/)[0]!;

    // The tables of part II (rows of targets and results) through the API with the editor's own token.
    const full = khoaiChauReport(SCHOOL, { total: 40, women: 30, managers: 3, womenManagers: 2 });
    const before = await state();
    const put = await api(editorToken, 'PUT', `/api/submissions/${subId}/data`, { data: { II: full.II }, version: before.version });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    await page.reload();
    await page.getByTestId('fill-page').waitFor();
    // The table's header names the cells below it (both in the template's ui:order).
    const header = await page.locator('fieldset#root_II_chiTieuDuocGiao thead th').allTextContents();
    expect(header.slice(1, 4).map((h) => h.replace('*', '').trim())).toEqual(['Mã chỉ tiêu', 'Nội dung mục tiêu, chỉ tiêu', 'Vai trò của đơn vị']);

    // The rest through the form.
    await field(page, '/vanBan/soVanBan').fill('12');
    await field(page, '/vanBan/ngayBanHanh').click();
    await field(page, '/vanBan/ngayBanHanh').fill('10/05/2020');
    await field(page, '/vanBan/ngayBanHanh').press('Enter');
    await field(page, '/vanBan/nguoiKy').fill('Nguyễn Thị Hoa');
    await field(page, '/I/khaiQuat').fill(full.I.khaiQuat);
    // The mistake: the staff count typed in words.
    await field(page, '/I/tongSoCBGVNV').fill('bốn mươi');
    await field(page, '/I/soNu').click();
    const message = page.locator('[data-pointer="/I/tongSoCBGVNV"] .bdg-field-error');
    await message.waitFor();
    const text = (await message.textContent()) ?? '';
    console.log(`[e2e reporting] message for the mistake: ${text}`);
    expect(text).toMatch(/số|Tổng số/i);
    // What was typed before the message is still there (RJSF used to reset the inputs on new errors).
    expect(await field(page, '/vanBan/nguoiKy').inputValue()).toBe('Nguyễn Thị Hoa');
    expect(await field(page, '/I/khaiQuat').inputValue()).toBe(full.I.khaiQuat);
    await shots.take(page, 'mistake-message');

    await field(page, '/I/tongSoCBGVNV').fill('40');
    // A cross-field rule of the template (x-rules), checked in the browser as she types, beside the field.
    await field(page, '/I/soNu').pressSequentially('50');
    const rule = page.locator('[data-pointer="/I/soNu"] .bdg-field-error');
    await rule.filter({ hasText: 'Số nữ không được lớn hơn tổng số CB-GV-NV.' }).waitFor();
    await shots.take(page, 'cross-field-rule');
    await field(page, '/I/soNu').fill('30');
    await rule.waitFor({ state: 'detached' });
    await field(page, '/I/soCBQL').fill('3');
    await field(page, '/I/soNuCBQL').fill('2');
    await field(page, '/III/vanDeTrongTam').fill(full.III.vanDeTrongTam);
    await field(page, '/III/vanDeTrongTam').blur();
    await message.waitFor({ state: 'detached' });
    await page.getByText('Đã lưu').first().waitFor();
    await shots.take(page, 'fixed-and-saved');

    await page.getByTestId('event-buttons').getByRole('button', { name: 'Gửi ký' }).click();
    // Sending it to be signed locks the data: asked first (issue 18).
    await page.getByRole('dialog').filter({ hasText: 'dữ liệu sẽ bị khóa' }).getByRole('button', { name: 'Gửi ký' }).click();
    await page.getByTestId('fill-page').getByText('Chờ ký').first().waitFor();
    await shots.take(page, 'sent-to-sign');
    const s = await state();
    expect(s.state).toBe('pending_signature');
    expect(s.data.I).toMatchObject({ tongSoCBGVNV: 40, soNu: 30, tyLeNu: 75 });
    expect(s.data.vanBan).toMatchObject({ soVanBan: '12', ngayBanHanh: '2020-05-10' });
  });

  it('the head signs after the warning that signing locks the content', async () => {
    const page = await as(HEAD);
    await openWork(page, 'Xem và ký');
    await page.getByTestId('fill-page').waitFor();
    await page.getByTestId('event-buttons').getByRole('button', { name: 'Ký duyệt' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: 'Sau khi ký, nội dung sẽ bị khóa' });
    await confirm.waitFor();
    await shots.take(page, 'sign-confirmation');
    await confirm.getByRole('button', { name: 'Ký duyệt' }).click();
    // Locked since SUBMIT already: wait for the signed notice, not just the lock.
    await page.getByTestId('locked-notice').filter({ hasText: 'đã được ký' }).waitFor();
    await shots.take(page, 'signed');
    expect((await state()).state).toBe('submitted');
    // The PDF carries the head's PAdES signature (development CA): the panel shows it valid, marked test-only.
    await page.getByTestId('pdf-signatures-check').click();
    const sig = page.getByTestId('pdf-signature-1');
    await sig.getByTestId('pdf-signature-valid').waitFor();
    expect(await sig.textContent()).toContain('Chữ ký thử nghiệm, không có giá trị pháp lý');
    await shots.take(page, 'pdf-signature-valid');
  });

  it('the Phòng reviewer returns it with a comment', async () => {
    const page = await as(REVIEWER);
    await openWork(page, 'Duyệt');
    await page.getByTestId('review-page').waitFor();
    await shots.take(page, 'review');
    await page.getByTestId('event-buttons').getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trả lại' });
    await dialog.getByLabel('Ý kiến (bắt buộc)').fill('Số nữ chưa khớp với danh sách cán bộ, đề nghị kiểm tra lại (31 người).');
    await shots.take(page, 'return-comment');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
    expect((await state()).state).toBe('returned');
  });

  it('the editor reads the comment, fixes the figure and sends it again; the head signs again', async () => {
    const page = await as(EDITOR);
    await openWork(page, 'Nhập liệu');
    await page.getByTestId('fill-page').waitFor();
    await page.getByTestId('fill-page').getByText('Bị trả lại').first().waitFor();
    await page.getByRole('tab', { name: 'Lịch sử xử lý' }).click();
    await page.getByText('Số nữ chưa khớp với danh sách cán bộ').first().waitFor();
    await shots.take(page, 'returned-with-comment', true);
    await field(page, '/I/soNu').fill('31');
    await field(page, '/I/soNu').blur();
    await page.getByText('Đã lưu').first().waitFor();
    await page.getByTestId('event-buttons').getByRole('button', { name: 'Gửi ký lại' }).click();
    await page.getByRole('dialog').filter({ hasText: 'dữ liệu sẽ bị khóa' }).getByRole('button', { name: 'Gửi ký lại' }).click();
    await page.getByTestId('fill-page').getByText('Chờ ký').first().waitFor();
    await shots.take(page, 'resent');

    const head = await as(HEAD);
    await openWork(head, 'Xem và ký');
    await head.getByTestId('event-buttons').getByRole('button', { name: 'Ký duyệt' }).click();
    const confirm = head.getByRole('dialog').filter({ hasText: 'Sau khi ký, nội dung sẽ bị khóa' });
    await confirm.getByRole('button', { name: 'Ký duyệt' }).click();
    await head.getByTestId('locked-notice').filter({ hasText: 'đã được ký' }).waitFor();
    const s = await state();
    expect(s.state).toBe('submitted');
    expect(s.data.I).toMatchObject({ soNu: 31 });
  });

  it('the reviewer accepts', async () => {
    const page = await as(REVIEWER);
    await openWork(page, 'Duyệt');
    await page.getByTestId('review-page').waitFor();
    await page.getByRole('tab', { name: /Thay đổi từ lần trả lại/ }).click();
    await page.getByTestId('changes-since-return').getByText('Trong đó nữ').first().waitFor();
    await shots.take(page, 'changes-since-return');
    await page.getByTestId('event-buttons').getByRole('button', { name: 'Chấp nhận' }).click();
    await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
    expect((await state()).state).toBe('accepted');
  });

  it('the Phòng compiles and a rolled-up figure shows its sources', async () => {
    const page = await as(REVIEWER);
    await openWork(page, 'Tổng hợp', 'Phòng Giáo dục và Đào tạo Khoái Châu');
    await page.getByTestId('compile-page').waitFor();
    await page.locator('button[data-event="COMPILE"]').click();
    await page.getByText(/Đã tổng hợp \d+\/\d+ đơn vị/).waitFor({ timeout: 90_000 });
    await shots.take(page, 'compiled');
    await page.getByRole('tab', { name: 'Báo cáo tổng hợp' }).click();
    await page.getByTestId('sources-/I/soNu').click();
    const drawer = page.locator('.ant-drawer', { hasText: 'Nguồn số liệu' });
    const row = drawer.locator('tbody tr', { hasText: SCHOOL });
    await row.waitFor();
    expect(await row.textContent()).toContain('31');
    await shots.take(page, 'sources');
    expect(problems).toEqual([]);
  });

  it('the Sở seals the published report: the Giám đốc signs, the panel shows the head and the seal both valid', async () => {
    // Up to the Sở's signature through the API: the Phòng sends (its document number), the Trưởng phòng
    // signs, the Sở accepts, compiles and sends to be signed.
    const token = Object.fromEntries(await Promise.all(['kc.reviewer', 'kc.head', 'hy.so.reviewer'].map(async (u) => [u, await apiLogin(u)] as const)));
    const list = await api<{ items: { id: string; unitCode: string }[] }>(token['hy.so.reviewer']!, 'GET', `/api/submissions?roundId=${(await state()).roundId}`);
    const idOf = (code: string) => list.body.items.find((x) => x.unitCode === code)!.id;
    const send = async (user: string, id: string, type: string) => {
      const r = await api(token[user]!, 'POST', `/api/submissions/${id}/events`, { type });
      expect(r.status, `${user} ${type}: ${JSON.stringify(r.body)}`).toBe(200);
    };
    const withNumber = async (user: string, id: string) => {
      const cur = (await api<Sub>(token[user]!, 'GET', `/api/submissions/${id}`)).body;
      const r = await api(token[user]!, 'PUT', `/api/submissions/${id}/data`, { data: { ...cur.data, vanBan: { soVanBan: '45', ngayBanHanh: '2020-05-20', nguoiKy: 'Người ký' } }, version: cur.version });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    };
    const phong = idOf('PGD-KC');
    const so = idOf('SO-HY');
    await withNumber('kc.reviewer', phong);
    await send('kc.reviewer', phong, 'SUBMIT');
    await send('kc.head', phong, 'SIGN');
    await send('hy.so.reviewer', phong, 'ACCEPT');
    await send('hy.so.reviewer', so, 'COMPILE');
    await withNumber('hy.so.reviewer', so);
    await send('hy.so.reviewer', so, 'SUBMIT');

    const page = await as('hy.so.head');
    await openWork(page, 'Xem và ký', 'Sở Giáo dục và Đào tạo Hưng Yên');
    await page.getByTestId('fill-page').waitFor();
    await page.getByTestId('event-buttons').getByRole('button', { name: 'Ký ban hành' }).click();
    await page.getByRole('dialog').filter({ hasText: 'Sau khi ký, nội dung sẽ bị khóa' }).getByRole('button', { name: 'Ký ban hành' }).click();
    await page.getByTestId('pdf-signatures-check').click();
    const [head, seal] = [page.getByTestId('pdf-signature-1'), page.getByTestId('pdf-signature-2')];
    await seal.getByTestId('pdf-signature-valid').waitFor();
    await head.getByTestId('pdf-signature-valid').waitFor();
    expect(await head.textContent()).toContain('Người có thẩm quyền ký');
    expect(await seal.textContent()).toContain('Chữ ký số của cơ quan (đóng dấu)');
    await shots.take(page, 'so-published-head-and-seal-valid');
    expect(problems).toEqual([]);
  });
});
