import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binary } from '../test-support/binary.js';
import { khoaiChauReport } from '../test-support/khoai-chau-data.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function docxText(buf: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
  return xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).join('\n').normalize('NFC');
}

async function pdfText(buf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(buf), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++)
    for (const item of (await (await doc.getPage(i)).getTextContent()).items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : ' ');
  await doc.destroy();
  return text.replace(/\s+/g, ' ').normalize('NFC');
}

/** Figures people can trust: cross-field rules, sign what you saw, honest coverage, recompile keeps hand edits. */
describe('Figures people can trust', () => {
  let sut: TestApp;
  const tokens: Record<string, string> = {};
  let roundId = '';
  let phongId = '';
  const subs: Record<string, string> = {};
  const schools = ['kc.th-tan-dan', 'kc.th-dong-tien', 'kc.thcs-tan-dan'] as const;

  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const get = (user: string, id: string) => sut.http.get(`/api/submissions/${id}`).set(as(user));
  const event = (user: string, id: string, body: object) => sut.http.post(`/api/submissions/${id}/events`).set(as(user)).send(body);
  const save = async (user: string, id: string, data: object) => {
    const cur = await get(user, id);
    return sut.http.put(`/api/submissions/${id}/data`).set(as(user)).send({ data, version: cur.body.version });
  };
  /** Through the flow with the content hash each actor saw, up to accepted. */
  const toAccepted = async (s: string, data: object) => {
    expect((await save(`${s}.editor`, subs[s]!, data)).status).toBe(200);
    for (const [user, type] of [[`${s}.editor`, 'SUBMIT'], [`${s}.head`, 'SIGN'], ['kc.reviewer', 'ACCEPT']] as const) {
      const seen = await get(user, subs[s]!);
      const res = await event(user, subs[s]!, { type, contentHash: seen.body.contentHash });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
  };

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    for (const u of [...schools.flatMap((s) => [`${s}.editor`, `${s}.head`]), 'kc.reviewer', 'hy.admin']) tokens[u] = await sut.login(u, DEMO);
    const rounds = await sut.http.get('/api/rounds').set(as('hy.admin'));
    roundId = rounds.body.items.find((r: { templateCode: string }) => r.templateCode === 'khoai-chau-bdg-2016-2020').id;
    for (const s of schools) {
      const work = await sut.http.get('/api/my-work').set(as(`${s}.editor`));
      subs[s] = work.body.items.find((w: { roundId: string }) => w.roundId === roundId).id;
    }
    const list = await sut.http.get(`/api/submissions?roundId=${roundId}`).set(as('kc.reviewer'));
    phongId = list.body.items.find((x: { unitCode: string }) => x.unitCode === 'PGD-KC').id;
  });
  afterAll(() => sut.close());

  it('keeps a draft where women > total, returns the finding, and refuses SUBMIT with the rule’s message (422)', async () => {
    const s = 'kc.th-tan-dan';
    const bad = khoaiChauReport(s, { total: 45, women: 50, managers: 3, womenManagers: 2 });
    const saved = await save(`${s}.editor`, subs[s]!, bad);
    expect(saved.status).toBe(200);
    expect(saved.body.data.I.soNu).toBe(50);
    expect(saved.body.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'nu-le-tong', severity: 'error', path: '/I/soNu', message: 'Số nữ không được lớn hơn tổng số CB-GV-NV.' }),
    );
    const view = await get(`${s}.editor`, subs[s]!);
    expect(view.body.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('nu-le-tong');
    const submit = await event(`${s}.editor`, subs[s]!, { type: 'SUBMIT', contentHash: view.body.contentHash });
    expect(submit.status).toBe(422);
    expect(submit.body.message).toContain('Số nữ không được lớn hơn tổng số CB-GV-NV.');
    expect(submit.body.details).toContainEqual({ path: '/I/soNu', title: 'Trong đó nữ (I. Tình hình chung của đơn vị)', message: 'Số nữ không được lớn hơn tổng số CB-GV-NV.' });
    expect((await get(`${s}.editor`, subs[s]!)).body.state).toBe('draft');
  });

  it('lets a warning through: the finding is returned but SUBMIT goes ahead', async () => {
    const s = 'kc.th-tan-dan';
    const data = khoaiChauReport(s, { total: 45, women: 30, managers: 3, womenManagers: 2 });
    data.II.ketQuaThucHien.ketQuaChiTieu[1] = { maChiTieu: 'CT2', keHoach: 2, ketQua: 9 };
    const saved = await save(`${s}.editor`, subs[s]!, data);
    expect(saved.body.findings).toEqual([
      expect.objectContaining({ ruleId: 'ket-qua-hop-ly', severity: 'warning', path: '/II/ketQuaThucHien/ketQuaChiTieu/1/ketQua' }),
    ]);
    const submit = await event(`${s}.editor`, subs[s]!, { type: 'SUBMIT', contentHash: saved.body.contentHash });
    expect(submit.status, JSON.stringify(submit.body)).toBe(200);
    expect(submit.body.findings).toHaveLength(1);
  });

  it('locks the content while awaiting signature: an edit and an upload are 409', async () => {
    const s = 'kc.th-tan-dan';
    const cur = await get(`${s}.editor`, subs[s]!);
    expect(cur.body).toMatchObject({ locked: true, editable: false });
    const edit = await sut.http
      .put(`/api/submissions/${subs[s]}/data`)
      .set(as(`${s}.editor`))
      .send({ data: { ...cur.body.data, I: { ...cur.body.data.I, soNu: 999 } }, version: cur.body.version });
    expect(edit.status).toBe(409);
    const up = await sut.http.post(`/api/submissions/${subs[s]}/attachments`).set(as(`${s}.editor`)).attach('file', PDF, 'them.pdf');
    expect(up.status).toBe(409);
    expect((await get(`${s}.editor`, subs[s]!)).body.contentHash).toBe(cur.body.contentHash);
  });

  it('refuses SIGN with a stale contentHash (409, nothing signed), and signs the hash the head saw', async () => {
    const s = 'kc.th-tan-dan';
    const seen = await get(`${s}.head`, subs[s]!);
    // The content moves on behind the head's back (as a direct write would): the hash the head holds is stale.
    await sut.sql(`UPDATE submission SET data = jsonb_set(data, '{I,soNu}', '31') WHERE id = $1`, [subs[s]]);
    const stale = await event(`${s}.head`, subs[s]!, { type: 'SIGN', contentHash: seen.body.contentHash });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/đã thay đổi kể từ khi bạn mở/);
    const after = await get(`${s}.head`, subs[s]!);
    expect(after.body).toMatchObject({ state: 'pending_signature', signature: null });
    expect(stale.body.details.contentHash).toBe(after.body.contentHash);
    const history = await sut.http.get(`/api/submissions/${subs[s]}/history`).set(as(`${s}.head`));
    expect(history.body.items.map((h: { event: string }) => h.event)).toEqual(['SUBMIT']);
    const signed = await event(`${s}.head`, subs[s]!, { type: 'SIGN', contentHash: after.body.contentHash });
    expect(signed.status).toBe(200);
    expect(signed.body.signature.hash).toBe(after.body.contentHash);
    expect(signed.body.contentHash).toBe(after.body.contentHash);
  });

  it('tells the editor which required fields the stored data lacks (the fill page shows them before its own check loads); others get null', async () => {
    const s = 'kc.thcs-tan-dan';
    const full = khoaiChauReport(s, { total: 50, women: 20, managers: 5, womenManagers: 1 });
    const { soNuCBQL: _left, ...rest } = full.I;
    expect((await save(`${s}.editor`, subs[s]!, { ...full, I: rest })).status).toBe(200);
    const view = await get(`${s}.editor`, subs[s]!);
    expect(view.body.editable).toBe(true);
    expect(view.body.missingRequired).toEqual([{ path: '/I/soNuCBQL', title: expect.stringContaining('I. Tình hình chung'), message: expect.stringContaining('bắt buộc') }]);
    expect((await get(`${s}.head`, subs[s]!)).body.missingRequired).toBeNull();
    expect((await get('kc.reviewer', subs[s]!)).body.missingRequired).toBeNull();
    expect((await save(`${s}.editor`, subs[s]!, full)).status).toBe(200);
    expect((await get(`${s}.editor`, subs[s]!)).body.missingRequired).toEqual([]);
  });

  it('a Phòng that compiles 2 of its 10 schools says so: coverage 2/10 with the missing units', async () => {
    const s = 'kc.th-tan-dan';
    const seen = await get('kc.reviewer', subs[s]!);
    expect((await event('kc.reviewer', subs[s]!, { type: 'ACCEPT', contentHash: seen.body.contentHash })).status).toBe(200);
    await toAccepted('kc.th-dong-tien', khoaiChauReport('kc.th-dong-tien', { total: 10, women: 5, managers: 2, womenManagers: 1 }));
    const before = await get('kc.reviewer', phongId);
    expect(before.body.coverage).toMatchObject({ included: 0, expected: 10 });
    const compiled = await event('kc.reviewer', phongId, { type: 'COMPILE', contentHash: before.body.contentHash });
    expect(compiled.status, JSON.stringify(compiled.body)).toBe(200);
    expect(compiled.body.coverage.included).toBe(2);
    expect(compiled.body.coverage.expected).toBe(10);
    expect(compiled.body.coverage.missing).toHaveLength(8);
    expect(compiled.body.coverage.missing[0]).toEqual({
      unitId: expect.any(String),
      unitCode: expect.any(String),
      unitName: expect.stringMatching(/^Trường/),
      state: expect.any(String),
      stateLabel: expect.any(String),
    });
    expect(compiled.body.coverage.missing.map((m: { unitName: string }) => m.unitName)).toContain('Trường THCS Tân Dân');
  });

  it('the documents say it too: a line under the title and the missing units in an appendix (DOCX, PDF), a sheet (XLSX)', async () => {
    const exp = (format: string) =>
      sut.http.get(`/api/submissions/${phongId}/export?format=${format}`).set(as('kc.reviewer')).buffer(true).parse(binary);
    const docx = await docxText((await exp('docx')).body as Buffer);
    expect(docx).toContain('Báo cáo này tổng hợp 2/10 đơn vị; 8 đơn vị chưa có được liệt kê ở Phụ lục.');
    expect(docx).toContain('Các đơn vị chưa có trong số liệu tổng hợp');
    expect(docx).toContain('Trường THCS Tân Dân');
    const pdf = await pdfText((await exp('pdf')).body as Buffer);
    expect(pdf).toContain('tổng hợp 2/10 đơn vị');
    expect(pdf).toContain('Các đơn vị chưa có trong số liệu tổng hợp');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exp('xlsx')).body as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Độ đầy đủ')!;
    expect(String(sheet.getCell('A1').value)).toMatch(/^Báo cáo này tổng hợp 2\/10 đơn vị; chưa có: /);
    expect(sheet.rowCount).toBe(2 + 8);
  });

  it('recompiling keeps a hand-corrected figure, shows old → new with the units first, and replaces it only when asked', async () => {
    const phong = await get('kc.reviewer', phongId);
    const tongSo = phong.body.data.I.tongSoCBGVNV as number;
    expect(tongSo).toBe(55);
    const corrected = { ...phong.body.data, I: { ...phong.body.data.I, tongSoCBGVNV: 56 }, III: { ...phong.body.data.III, giaiPhap: 'Phòng tự viết' } };
    expect((await save('kc.reviewer', phongId, corrected)).status).toBe(200);
    await toAccepted('kc.thcs-tan-dan', khoaiChauReport('kc.thcs-tan-dan', { total: 50, women: 20, managers: 5, womenManagers: 1 }));

    const preview = await sut.http.get(`/api/submissions/${phongId}/compile-preview`).set(as('kc.reviewer'));
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.coverage).toEqual({ included: 3, expected: 10 });
    const byPath = new Map(preview.body.changes.map((c: { path: string }) => [c.path, c]));
    expect(byPath.get('/I/tongSoCBGVNV')).toMatchObject({ old: 56, new: 105, edited: true, replaced: false, units: [{ unitName: 'Trường THCS Tân Dân' }] });
    expect(byPath.get('/I/soNu')).toMatchObject({ old: 36, new: 56, edited: false, replaced: true, units: [{ unitName: 'Trường THCS Tân Dân' }] });
    expect((await get('kc.reviewer', phongId)).body.data.I.tongSoCBGVNV).toBe(56); // the preview wrote nothing

    const cur = await get('kc.reviewer', phongId);
    const again = await event('kc.reviewer', phongId, { type: 'COMPILE', contentHash: cur.body.contentHash });
    expect(again.status).toBe(200);
    expect(again.body.data.I).toMatchObject({ tongSoCBGVNV: 56, soNu: 56 });
    expect(again.body.data.III.giaiPhap).toBe('Phòng tự viết');
    expect(again.body.compiled.kept).toEqual(['/I/tongSoCBGVNV', '/III/giaiPhap']);
    expect(again.body.coverage).toMatchObject({ included: 3, expected: 10 });

    const replaced = await event('kc.reviewer', phongId, { type: 'COMPILE', contentHash: again.body.contentHash, overwrite: ['/I/tongSoCBGVNV'] });
    expect(replaced.status).toBe(200);
    expect(replaced.body.data.I.tongSoCBGVNV).toBe(105);
    expect(replaced.body.compiled.kept).toEqual(['/III/giaiPhap']);
    expect(replaced.body.data.III.giaiPhap).toBe('Phòng tự viết');
  });
});
