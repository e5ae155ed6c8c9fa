#!/usr/bin/env node
/**
 * Browser benchmark of the fill form: opens the benchmark page (bench.html?fields=N, never in the app) in Chromium and prints window.__bench.
 * Usage: npx vite build --mode bench && npx vite preview --mode bench --port 4173 &   then
 *        CHROMIUM=/usr/bin/chromium node scripts/bench-form.mjs [fields=300] [baseUrl=http://localhost:4173]
 * Budgets: renderMs < 300 (interactive), keystroke p95 < 16 ms. Exits 1 when over budget.
 */
import { chromium } from 'playwright-core';

const fields = Number(process.argv[2] ?? 300);
const base = process.argv[3] ?? 'http://localhost:4173';
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
const runs = [];
for (let i = 0; i < 3; i++) {
  await page.goto(`${base}/bench.html?fields=${fields}`);
  await page.waitForFunction(() => window.__bench?.ready && window.__bench.fullRenderMs !== undefined, null, { timeout: 30000 });
  runs.push(await page.evaluate(() => ({ renderMs: window.__bench.renderMs, fullRenderMs: window.__bench.fullRenderMs })));
}
const input = page.locator('#root_S5_f4');
await input.click();
await page.keyboard.type('1234567890', { delay: 50 });
await page.waitForTimeout(500);
const keystrokes = await page.evaluate(() => window.__bench.keystrokes);
await browser.close();
const sorted = [...keystrokes].sort((a, b) => a - b);
const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
const warm = runs.slice(1);
const renderMs = Math.max(...warm.map((r) => r.renderMs));
console.log(JSON.stringify({ fields, runs, keystrokes: keystrokes.map((k) => Math.round(k * 10) / 10), keystrokeP95: p95 }, null, 2));
console.log(`render ${renderMs.toFixed(0)} ms (budget 300), keystroke p95 ${p95.toFixed(1)} ms (budget 16)`);
process.exit(renderMs < 300 && p95 < 16 ? 0 : 1);
