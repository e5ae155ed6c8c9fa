import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfsig } from '../signing/testing/independent-verifiers.js';
import { binary } from '../test-support/binary.js';
import { png } from '../test-support/png.js';
import { soReportAwaitingSignature } from '../test-support/so-report.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';


/**
 * The Sở's published report: the Giám đốc signs at SIGN and the agency seals it in the same transition
 * (two PAdES signatures, the seal an incremental update), with the signature and seal images uploaded
 * as data and the report's data file attached inside the PDF.
 */
describe('the Sở seals its published report', () => {
  let sut: TestApp;
  const tokens: Record<string, string> = {};
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
  const event = (u: string, id: string, type: string) => sut.http.post(`/api/submissions/${id}/events`).set(as(u)).send({ type });
  const get = async (u: string, id: string) => (await sut.http.get(`/api/submissions/${id}`).set(as(u))).body;
  const dir = mkdtempSync(path.join(tmpdir(), 'so-seal-'));
  let soId = '';

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true', SIGNING_PROVIDER: 'development' });
    soId = await soReportAwaitingSignature(sut, tokens);
  }, 240_000);
  afterAll(() => sut?.close());

  it('signature and seal images are validated PNGs, uploaded by the signer and the admin', async () => {
    const head = (await sut.http.get('/api/me').set(as('hy.so.head'))).body;
    const unitId = head.unitId ?? head.unit?.id;
    const jpeg = await sut.http.put(`/api/users/${head.id}/signature-image`).set(as('hy.so.head')).attach('file', Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array(60).fill(0)]), 'chu-ky.jpg');
    expect(jpeg.status).toBe(400);
    expect(jpeg.body.message).toMatch(/không phải ảnh PNG/);
    const opaque = await sut.http.put(`/api/users/${head.id}/signature-image`).set(as('hy.so.head')).attach('file', png(300, 120, 2), 'chu-ky.png');
    expect(opaque.body.message).toMatch(/nền trong suốt/);
    const ok = await sut.http.put(`/api/users/${head.id}/signature-image`).set(as('hy.so.head')).attach('file', png(300, 120), 'chu-ky.png');
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ hasImage: true, width: 300, height: 120 });
    expect((await sut.http.put(`/api/org-units/${unitId}/seal-image`).set(as('hy.so.head')).attach('file', png(200, 200), 'dau.png')).status).toBe(403);
    const seal = await sut.http.put(`/api/org-units/${unitId}/seal-image`).set(as('hy.admin')).attach('file', png(200, 200, 6, [200, 0, 0, 160]), 'dau.png');
    expect(seal.status, JSON.stringify(seal.body)).toBe(200);
    const back = await sut.http.get(`/api/org-units/${unitId}/seal-image`).set(as('hy.admin')).buffer(true).parse(binary);
    expect(back.headers['content-type']).toMatch(/image\/png/);
    expect(back.body).toEqual(png(200, 200, 6, [200, 0, 0, 160]));
  });

  it('SIGN publishes: the head signs and the agency seals (incremental); pdfsig and /api/verify-pdf find both valid', async () => {
    const signed = await event('hy.so.head', soId, 'SIGN');
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const pdf = (await sut.http.get(`/api/submissions/${soId}/export?format=pdf`).set(as('hy.so.head')).buffer(true).parse(binary)).body as Buffer;
    writeFileSync(path.join(dir, 'so.pdf'), pdf);
    expect(pdfsig(pdf)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    // The first signature's widget sits on the signer block (a real rectangle), the seal's is the second field.
    const rects = [...pdf.toString('latin1').matchAll(/\/Rect \[([\d. ]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
    expect(rects.some(([x1, y1, x2, y2]) => x2! - x1! > 100 && y2! - y1! > 50)).toBe(true);
    const list = (await sut.http.get(`/api/submissions/${soId}/signatures`).set(as('hy.so.head'))).body;
    expect(list.signatures.map((s: { kind: string; valid: boolean; covers: { wholeDocument: boolean } }) => [s.kind, s.valid, s.covers.wholeDocument])).toEqual([
      ['signer', true, false],
      ['seal', true, true],
    ]);
    const verified = await sut.http.post('/api/verify-pdf').set(as('hy.so.head')).attach('file', pdf, 'bao-cao-so.pdf');
    expect(verified.status).toBe(201);
    expect(verified.body.signatures.map((s: { valid: boolean }) => s.valid)).toEqual([true, true]);
    expect(verified.body.submission.id).toBe(soId);
  }, 120_000);

  it('the data files inside the PDF (pdfdetach): the JSON is the data the API answers, the XLSX the export’s workbook', async () => {
    const file = path.join(dir, 'so.pdf');
    const listed = execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' });
    expect(listed).toMatch(/1: du-lieu-bao-cao\.json/);
    expect(listed).toMatch(/2: so-lieu-bao-cao\.xlsx/);
    execFileSync('pdfdetach', ['-save', '2', '-o', path.join(dir, 'so-lieu.xlsx'), file]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, 'so-lieu.xlsx'));
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.load((await sut.http.get(`/api/submissions/${soId}/export?format=xlsx`).set(as('hy.so.head')).buffer(true).parse(binary)).body);
    expect(book.worksheets.map((w) => w.name)).toEqual(exported.worksheets.map((w) => w.name));
    expect(book.worksheets[0]!.getSheetValues()).toEqual(exported.worksheets[0]!.getSheetValues());
    execFileSync('pdfdetach', ['-save', '1', '-o', path.join(dir, 'data.json'), file]);
    const attached = JSON.parse(readFileSync(path.join(dir, 'data.json'), 'utf8'));
    const api = await get('hy.so.head', soId);
    expect(attached.data).toEqual(api.data);
    expect(attached).toMatchObject({ submissionId: soId, contentHash: api.contentHash, unit: { code: 'SO-HY' } });
  });
});
