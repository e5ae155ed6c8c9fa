/** Chromium (Debian's, never a downloaded one), per-user contexts, screenshots as artifacts, API helpers. */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { ROOT } from './app.js';

export const DEMO = 'Demo@2026!';
export const ARTIFACTS = path.join(ROOT, 'test/artifacts/e2e');
export const baseUrl = () => inject('baseUrl');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Screenshots of one suite, numbered in order: test/artifacts/e2e/<suite>/<nn-step>.png. */
export class Shots {
  private n = 0;
  readonly dir: string;
  readonly files: string[] = [];
  constructor(suite: string) {
    this.dir = path.join(ARTIFACTS, suite);
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }
  async take(page: Page, step: string, fullPage = false): Promise<string> {
    this.n += 1;
    const file = path.join(this.dir, `${String(this.n).padStart(2, '0')}-${step}.png`);
    await page.screenshot({ path: file, fullPage, animations: 'disabled' });
    this.files.push(path.relative(ROOT, file));
    return file;
  }
}

/** A fresh context for one user, signed in through the sign-in page. */
export async function signIn(browser: Browser, username: string, password = DEMO): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 1440, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  ctx.setDefaultTimeout(30_000);
  ctx.setDefaultNavigationTimeout(60_000);
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
  await page.getByTestId('current-user').waitFor();
  return { ctx, page };
}

/** The same user's token for the parts that are impractical through the UI. */
export async function apiLogin(username: string, password = DEMO): Promise<string> {
  const r = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200 && r.status !== 201) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { accessToken: string }).accessToken;
}

export async function api<T = unknown>(token: string, method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  const r = await fetch(`${baseUrl()}${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: r.status, body: parsed as T };
}

/** Collects uncaught page errors and failed API calls (5xx) so a test can assert the page stayed healthy. */
export function watchPage(page: Page, label: string): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`[${label}] page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.url().includes('/api/') && r.status() >= 500) problems.push(`[${label}] ${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return problems;
}


/**
 * Picks an option of an antd Select by its visible text, in the dropdown that belongs to this select (another
 * select's dropdown may still be closing, with the same options), and waits until the select shows it.
 */
export async function pickOption(page: Page, select: import('playwright-core').Locator, text: string | RegExp): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const combobox = (await select.getAttribute('role')) === 'combobox' ? select : select.getByRole('combobox').first();
    const listId = await combobox.getAttribute('aria-controls');
    const dropdown = listId
      ? page.locator('.ant-select-dropdown', { has: page.locator(`[id="${listId}"]`) })
      : page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
    const option = dropdown.locator('.ant-select-item-option', { hasText: text }).first();
    await option.waitFor();
    const label = ((await option.textContent()) ?? '').trim();
    await option.click();
    try {
      await select.filter({ hasText: label }).waitFor({ timeout: 10_000 });
      return;
    } catch (e) {
      // On a loaded machine a click can land while the dropdown is still moving in and choose nothing
      // (seen once in CI): close it and choose again; a choice that never shows still fails.
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

/** A page of the main menu: an admin's pages sit under "Quản trị" in the header, opened first. */
export async function openMenu(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  const link = page.getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) await nav.getByText('Quản trị', { exact: true }).hover();
  await link.click();
}
