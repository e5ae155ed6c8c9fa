/**
 * Issue 17, "the first load is light": bytes transferred (headers included, as Chromium counts them
 * off the wire) for a cold load of the sign-in page and of a school's fill page, cache empty.
 * `npm run bench` runs it as two rows; `npx tsx --conditions=source bench/first-load.ts` alone starts
 * its own app (IDENTITY=1 asks for no compression, to see what an uncompressed server would send).
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { AppProcess, createSuiteDatabase, type Sql as SqlT } from '../support/app.js';
import { Api } from '../support/http.js';
import { loadWorld } from '../support/world.js';

const TARGET_KB = 600;
const SCHOOL_EDITOR = 'kc.th-tan-dan.editor';
const SCHOOL = 'KC-TH-TAN-DAN';

async function transferred(browser: Browser, url: string, opts: { token?: string; ready: (p: Page) => Promise<unknown>; identity?: boolean; after?: string }) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  if (opts.token) await ctx.addInitScript((t) => localStorage.setItem('bdg.token', t), opts.token);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  if (opts.identity) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
  let bytes = 0;
  let requests = 0;
  const urls = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests++;
    if (process.env.LIST) console.log(Math.round(e.encodedDataLength / 1024), urls.get(e.requestId)?.replace(/^https?:\/\/[^/]+/, ''));
  });
  if (opts.after) {
    // what the browser already holds from the page before (the sign-in page's shell) is not counted again
    await page.goto(opts.after, { waitUntil: 'networkidle', timeout: 120_000 });
    bytes = 0;
    requests = 0;
  }
  await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 });
  await opts.ready(page);
  await page.waitForLoadState('networkidle');
  await ctx.close();
  return { kb: bytes / 1024, requests };
}

export async function firstLoad(base: string, sql: SqlT, identity = false) {
  const w = await loadWorld(sql);
  const token = await new Api(base).login(SCHOOL_EDITOR);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const signIn = await transferred(browser, `${base}/login`, { identity, ready: (p) => p.getByRole('button', { name: 'Đăng nhập' }).waitFor({ timeout: 60_000 }) });
    const fill = await transferred(browser, `${base}/submissions/${w.sub[SCHOOL]}`, {
      token,
      identity,
      ready: (p) => p.locator('form').first().waitFor({ timeout: 60_000 }),
    });
    const fillAfterSignIn = await transferred(browser, `${base}/submissions/${w.sub[SCHOOL]}`, {
      token,
      identity,
      after: `${base}/login`,
      ready: (p) => p.locator('form').first().waitFor({ timeout: 60_000 }),
    });
    return { signIn, fill, fillAfterSignIn };
  } finally {
    await browser.close();
  }
}

export async function firstLoadRows(app: AppProcess, sql: SqlT) {
  const r = await firstLoad(app.url, sql);
  const row = (what: string, m: { kb: number; requests: number }) => ({
    what,
    measured: `${m.kb.toFixed(0)} KB`,
    ceiling: `${m.requests} requests, cold cache`,
    target: `≤ ${TARGET_KB} KB`,
    pass: m.kb <= TARGET_KB,
  });
  return [
    row('first load, sign-in page: bytes transferred (Chromium)', r.signIn),
    row("first load, a school's fill page, cold cache: bytes transferred (Chromium)", r.fill),
    row("a school's fill page right after the sign-in page: bytes transferred (Chromium)", r.fillAfterSignIn),
  ];
}

// standalone: its own app on DATABASE_URL (or the embedded PostgreSQL)
if (import.meta.url === `file://${process.argv[1]}`) {
  const db = await createSuiteDatabase();
  const app = await new AppProcess({ databaseUrl: db?.url }).start();
  const { Sql } = await import('../support/app.js');
  const sql = new Sql(app.databaseUrl(), 2);
  try {
    console.log(JSON.stringify(await firstLoad(app.url, sql, process.env.IDENTITY === '1'), null, 1));
  } finally {
    await sql.end();
    await app.dispose();
    await db?.drop();
  }
}
