/**
 * Every schema of the corpus (schemas/test/corpus) through the product on PostgreSQL: publish →
 * round → fill (two schools) → SUBMIT → SIGN → ACCEPT → COMPILE → export DOCX, PDF and XLSX; every
 * value of the compiled report is found in the three documents. One app, one round per schema.
 */
import { getAt, isPlainObject, schemaAt, toPointer, type JsonSchema } from '@bdg/schemas';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatScalar, type Json } from '../exports/render/schema-walk.js';
import { binary } from '../test-support/binary.js';
import { loadCorpus } from '../test-support/corpus.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';
const SCHOOLS = ['kc.th-tan-dan', 'kc.thcs-tan-dan'];
// Every hand-written and shipped schema, and the first case of each test-suite keyword; CORPUS_ALL=1
// takes all of them (each schema costs a round and three documents: ~6 s on a busy 2-core machine).
const all = loadCorpus();
const corpus = process.env.CORPUS_ALL
  ? all
  : all.filter((e, i) => !e.name.startsWith('ts-') || !all.slice(0, i).some((p) => p.name.split('-')[1] === e.name.split('-')[1]));
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

async function docxText(buf: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
    .join('');
}
async function pdfText(buf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(buf), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const top = page.view[3]!;
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item)) continue;
      // The page number (Phụ lục I: from page 2, centred at the top) is not part of the text it interrupts.
      if (i > 1 && item.str.trim() === String(i) && item.transform[5] > top - 80) continue;
      text += item.str;
    }
  }
  await doc.destroy();
  return text;
}
async function xlsxCells(buf: Buffer): Promise<{ text: string; numbers: number[]; dates: number[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  let text = '';
  const numbers: number[] = [];
  const dates: number[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === 'number') numbers.push(c.value);
        else if (c.value instanceof Date) dates.push(c.value.getTime());
        else text += String(c.text ?? '');
      }),
    ),
  );
  return { text, numbers, dates };
}

/** Leaves of the compiled data with their pointers (computed nulls and empty strings left out). */
function leaves(v: unknown, segs: string[] = []): [string[], unknown][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...segs, String(i)]));
  if (isPlainObject(v)) return Object.entries(v).flatMap(([k, x]) => leaves(x, [...segs, k]));
  return v === null || v === undefined || v === '' ? [] : [[segs, v]];
}

describe('corpus through the product: publish → round → fill → submit → sign → accept → compile → export', () => {
  let sut: TestApp;
  const tokens: Record<string, string> = {};
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
  const event = (u: string, id: string, type: string) => sut.http.post(`/api/submissions/${id}/events`).set(as(u)).send({ type });
  let phongUnitId = '';

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    for (const u of ['hy.admin', 'kc.reviewer', ...SCHOOLS.flatMap((s) => [`${s}.editor`, `${s}.head`])]) tokens[u] = await sut.login(u, DEMO);
    phongUnitId = (await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'PGD-KC'`))[0]!.id;
  });
  afterAll(() => sut?.close());

  it.each(corpus.map((e, i) => [e.name, e, i] as const))('%s', async (_name, e, i) => {
    const code = `corpus-${i}`;
    const created = await sut.http.post(`/api/templates/${code}/versions`).set(as('hy.admin')).send({ title: e.title, schema: e.schema, uiSchema: e.uiSchema });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await sut.http.post(`/api/templates/${code}/versions/1/publish`).set(as('hy.admin'))).status).toBe(201);
    const round = await sut.http.post('/api/rounds').set(as('hy.admin')).send({
      name: e.title.slice(0, 250),
      template: { code, version: 1 },
      rootUnitId: phongUnitId,
      period: '2026',
      flows: { truong_mn: 'truong', truong_th: 'truong', truong_thcs: 'truong', phong: 'phong' },
      deadlines: { truong_mn: '2027-05-12', truong_th: '2027-05-12', truong_thcs: '2027-05-12', phong: '2027-05-20' },
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    const subs = (await sut.http.get(`/api/submissions?roundId=${round.body.id}`).set(as('kc.reviewer'))).body;
    const list = (Array.isArray(subs) ? subs : subs.items) as { id: string; unitCode: string; version: number }[];
    for (const [k, school] of SCHOOLS.entries()) {
      const mine = (await sut.http.get('/api/my-work').set(as(`${school}.editor`))).body.items.find((w: { roundId: string }) => w.roundId === round.body.id);
      const saved = await sut.http.put(`/api/submissions/${mine.id}/data`).set(as(`${school}.editor`)).send({ data: e.units[k], version: mine.version });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      for (const [u, type] of [[`${school}.editor`, 'SUBMIT'], [`${school}.head`, 'SIGN'], ['kc.reviewer', 'ACCEPT']] as const) {
        const r = await event(u, mine.id, type);
        expect(r.status, `${type}: ${JSON.stringify(r.body)}`).toBe(200);
      }
    }
    const phong = list.find((x) => x.unitCode === 'PGD-KC')!;
    const compiled = await event('kc.reviewer', phong.id, 'COMPILE');
    expect(compiled.status, JSON.stringify(compiled.body)).toBe(200);
    const values = leaves(compiled.body.data);
    if (e.units.some((u) => leaves(u).length > 0)) expect(values.length).toBeGreaterThan(0);
    const get = (format: string) => sut.http.get(`/api/submissions/${phong.id}/export?format=${format}`).set(as('kc.reviewer')).buffer(true).parse(binary);
    const [docx, pdf, xlsx] = await Promise.all([get('docx'), get('pdf'), get('xlsx')]);
    for (const r of [docx, pdf, xlsx]) expect(r.status).toBe(200);
    const texts = { docx: squash(await docxText(docx.body as Buffer)), pdf: squash(await pdfText(pdf.body as Buffer)).replace(/DỰTHẢO/g, '') }; // the draft stamp is drawn over the text
    const cells = await xlsxCells(xlsx.body as Buffer);
    const xlsxText = squash(cells.text);
    for (const [segs, v] of values) {
      const field = (schemaAt(e.schema as JsonSchema, segs, compiled.body.data) ?? {}) as Json;
      const needle = squash(formatScalar(field, {}, v, { unit: false }));
      const where = `${toPointer(segs)} = ${JSON.stringify(getAt(compiled.body.data, segs))}`;
      expect(texts.docx, `DOCX ${where}`).toContain(needle);
      expect(texts.pdf, `PDF ${where}`).toContain(needle);
      const isDate = typeof v === 'string' && (field.format === 'date' || field.format === 'date-time');
      if (isDate) expect(cells.dates.some((d) => Math.abs(d - Date.parse(v)) <= 86_400_000) || xlsxText.includes(needle), `XLSX ${where}`).toBe(true);
      else if (typeof v === 'number') expect(cells.numbers.some((n) => Math.abs(n - v) < 1e-9 || Math.abs(n * 100 - v) < 1e-6) || xlsxText.includes(needle), `XLSX ${where}`).toBe(true);
      else expect(xlsxText, `XLSX ${where}`).toContain(needle);
    }
  });
});
