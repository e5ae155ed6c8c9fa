/**
 * The official document as a person sees it: the DOCX opened by LibreOffice (converted to PDF headless),
 * and our own PDF, both turned into PNG pages with pdftoppm (kept under the system's temp folder for a
 * person to look at) and read back with pdftotext -bbox: the letterhead's two columns, the title centred,
 * Nơi nhận on the left and the signer block on the right of the same band of the last page (Phụ lục I).
 * Needs LibreOffice and poppler-utils (the CI script installs both; see .ci/run).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { input } from './__fixtures__/render-input.js';
import { renderDocx } from './docx.renderer.js';
import { renderPdf } from './pdf.renderer.js';

interface Word {
  page: number;
  text: string;
  x: number;
  y: number;
  pageWidth: number;
}

function requireTool(cmd: string, pkg: string) {
  if (spawnSync(cmd, ['--version'], { encoding: 'utf8' }).error)
    throw new Error(`Thiếu công cụ "${cmd}" (gói Debian ${pkg}): cài bằng apt-get install ${pkg} (CI cài sẵn trong .ci/run).`);
}

/** Every word of the PDF with its page and top-left position, in points. */
function words(pdfFile: string): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdfFile, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out: Word[] = [];
  let page = 0;
  let pageWidth = 0;
  for (const line of xml.split('\n')) {
    const p = /<page width="([\d.]+)"/.exec(line);
    if (p) {
      page += 1;
      pageWidth = Number(p[1]);
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/.exec(line);
    if (w) out.push({ page, text: w[3]!, x: Number(w[1]), y: Number(w[2]), pageWidth });
  }
  return out;
}

const first = (ws: Word[], text: string, from = 0): Word => {
  const w = ws.find((x, i) => i >= from && x.text === text);
  if (!w) throw new Error(`"${text}" không có trong văn bản đã dựng`);
  return w;
};

/** The layout checks shared by both renderings. */
function checkLayout(ws: Word[]) {
  const lastPage = Math.max(...ws.map((w) => w.page));
  const national = first(ws, 'CỘNG');
  const issuer = first(ws, 'TRƯỜNG');
  expect(national.page).toBe(1);
  // Quốc hiệu in the right column, the issuing body in the left one, both at the top of page 1.
  expect(national.x).toBeGreaterThan(national.pageWidth * 0.4);
  expect(issuer.x).toBeLessThan(issuer.pageWidth * 0.4);
  expect(Math.abs(national.y - issuer.y)).toBeLessThan(30);
  expect(national.y).toBeLessThan(150);
  // The document type ("BÁO CÁO") centred under the letterhead.
  const type = first(ws, 'BÁO');
  expect(type.y).toBeGreaterThan(national.y + 40);
  expect(Math.abs(type.x + 30 - type.pageWidth / 2)).toBeLessThan(60);
  // Nơi nhận on the left and the signer's title on the right, in the same band of the last page.
  const recipients = ws.find((w) => w.text === 'Nơi' && ws[ws.indexOf(w) + 1]?.text === 'nhận:')!;
  expect(recipients, 'Nơi nhận:').toBeDefined();
  const title = first(ws, 'HIỆU', ws.indexOf(recipients) - 10);
  expect(recipients.page).toBe(lastPage);
  expect(title.page).toBe(lastPage);
  expect(recipients.x).toBeLessThan(recipients.pageWidth * 0.3);
  expect(title.x).toBeGreaterThan(title.pageWidth * 0.5);
  expect(Math.abs(title.y - recipients.y)).toBeLessThan(40);
}

function pngPages(pdfFile: string, dir: string, prefix: string): string[] {
  execFileSync('pdftoppm', ['-r', '60', '-png', pdfFile, path.join(dir, prefix)]);
  return readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith('.png'));
}

describe('rendered pages (LibreOffice and pdftoppm)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rendered-pages-'));

  it('the DOCX as LibreOffice lays it out: letterhead, title, Nơi nhận and signer block in place', async () => {
    requireTool('soffice', 'libreoffice-writer-nogui');
    requireTool('pdftotext', 'poppler-utils');
    const docx = path.join(dir, 'bao-cao.docx');
    writeFileSync(docx, await renderDocx(input()));
    // Its own profile folder: several conversions on one machine do not share a lock.
    const profile = `file://${path.join(dir, 'lo-profile')}`;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'pipe', timeout: 180_000 });
    const pdf = path.join(dir, 'bao-cao.pdf');
    expect(existsSync(pdf)).toBe(true);
    checkLayout(words(pdf));
    expect(pngPages(pdf, dir, 'docx-trang').length).toBeGreaterThan(0);
  }, 240_000);

  it('the PDF export: the same layout, and its pages as PNG', async () => {
    requireTool('pdftoppm', 'poppler-utils');
    const pdf = path.join(dir, 'ban-pdf.pdf');
    writeFileSync(pdf, await renderPdf(input()));
    checkLayout(words(pdf));
    expect(pngPages(pdf, dir, 'pdf-trang').length).toBeGreaterThan(0);
  }, 60_000);
});
