import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { khoaiChauReport } from '../test-support/khoai-chau-data.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { binary } from '../test-support/binary.js';
import { docxParagraphs } from '../test-support/docx-text.js';

process.env.JOBS_POLL_SECONDS = '0.5';
process.env.JOBS_CHECK_MS = '500';

const DEMO = 'Demo@2026!';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** supertest: collect a binary body as a Buffer. */

async function pdfText(buf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(buf), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 })
    .promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    text += '\n';
  }
  await doc.destroy();
  return text.normalize('NFC');
}

describe('exports: DOCX, PDF, XLSX through the API', () => {
  let sut: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const event = (user: string, id: string, body: object) => sut.http.post(`/api/submissions/${id}/events`).set(as(user)).send(body);
  const exportOf = (user: string, id: string, query: string) =>
    sut.http.get(`/api/submissions/${id}/export?${query}`).set(as(user)).buffer(true).parse(binary);
  let roundId = '';
  const subs: Record<string, { id: string; version: number }> = {};
  const schools = {
    'kc.th-tan-dan': { total: 40, women: 30, managers: 3, womenManagers: 2 },
    'kc.thcs-tan-dan': { total: 50, women: 20, managers: 5, womenManagers: 1 },
  } as const;

  async function waitJob(user: string, jobId: string, timeoutMs = 30_000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const res = await sut.http.get(`/api/jobs/${jobId}`).set(as(user));
      expect(res.status).toBe(200);
      if (res.body.state === 'completed' || res.body.state === 'failed') return res.body;
      if (Date.now() > until) throw new Error(`job ${jobId} still ${res.body.state}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true', RUN_JOBS: 'true' });
    // A template whose document section lacks nearly everything (before anyone loads it).
    await sut.sql(`UPDATE template_version SET document = '{"documentType": "BÁO CÁO"}' WHERE code = 'bdg-vstbpn-dinh-ky'`);
    for (const u of [
      ...Object.keys(schools).flatMap((s) => [`${s}.editor`, `${s}.head`]),
      'kc.reviewer',
      'vg.reviewer',
      'hy.admin',
    ])
      tokens[u] = await sut.login(u, DEMO);
    const rounds = await sut.http.get('/api/rounds').set(as('hy.admin'));
    roundId = rounds.body.items.find((r: { templateCode: string }) => r.templateCode === 'khoai-chau-bdg-2016-2020').id;
    for (const [s, figures] of Object.entries(schools)) {
      const mine = (await sut.http.get('/api/my-work').set(as(`${s}.editor`))).body.items.find((w: { roundId: string }) => w.roundId === roundId);
      const saved = await sut.http
        .put(`/api/submissions/${mine.id}/data`)
        .set(as(`${s}.editor`))
        .send({ data: khoaiChauReport(s, figures), version: mine.version });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      subs[s] = { id: mine.id, version: saved.body.version };
    }
  });
  afterAll(() => sut?.close());

  it('exports the draft stamped "DỰ THẢO", with an ASCII and a UTF-8 file name', async () => {
    const res = await exportOf('kc.th-tan-dan.editor', subs['kc.th-tan-dan']!.id, 'format=docx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename=bao-cao-kc-th-tan-dan-du-thao.docx; filename*=UTF-8''${encodeURIComponent('Báo cáo KC-TH-TAN-DAN (dự thảo).docx').replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    const { paragraphs } = await docxParagraphs(res.body);
    expect(paragraphs).toContain('DỰ THẢO');
  });

  it('refuses an unknown format (400, in Vietnamese) and hides another subtree (404)', async () => {
    const id = subs['kc.th-tan-dan']!.id;
    const bad = await sut.http.get(`/api/submissions/${id}/export?format=odt`).set(as('kc.th-tan-dan.editor'));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/Định dạng xuất không hỗ trợ: "odt".*docx, pdf, xlsx/);
    const none = await sut.http.get(`/api/submissions/${id}/export`).set(as('kc.th-tan-dan.editor'));
    expect(none.status).toBe(400);
    const other = await sut.http.get(`/api/submissions/${id}/export?format=docx`).set(as('vg.reviewer'));
    expect(other.status).toBe(404);
    expect(other.body.message).toBe('Không tìm thấy báo cáo.');
    // …also through the job route: no job is created for a submission one may not see.
    const otherAsync = await sut.http.get(`/api/submissions/${id}/export?format=docx&async=1`).set(as('vg.reviewer'));
    expect(otherAsync.status).toBe(404);
    expect((await sut.sql(`SELECT 1 FROM job_progress`)).length).toBe(0);
    expect((await sut.http.get(`/api/submissions/${id}/export?format=docx`)).status).toBe(401);
  });

  it('signs two schools; the signed DOCX has the Nghị định 30 layout, the number, the date in words, headings in order', async () => {
    for (const s of Object.keys(schools)) {
      expect((await event(`${s}.editor`, subs[s]!.id, { type: 'SUBMIT' })).status).toBe(200);
      const signed = await event(`${s}.head`, subs[s]!.id, { type: 'SIGN' });
      expect(signed.status).toBe(200);
      expect(signed.body.signature.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    const res = await exportOf('kc.reviewer', subs['kc.th-tan-dan']!.id, 'format=docx');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('filename=bao-cao-kc-th-tan-dan.docx');
    const { xml, paragraphs } = await docxParagraphs(res.body);
    const all = paragraphs.join('\n');
    expect(all).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(all).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(all).toContain('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO KHOÁI CHÂU');
    expect(all).toContain('TRƯỜNG TIỂU HỌC TÂN DÂN');
    // number and date from the data (document.bindings → /vanBan/soVanBan, /vanBan/ngayBanHanh)
    expect(paragraphs).toContain('Số: 12/BC-THTD');
    expect(all).toContain('Khoái Châu, ngày 10 tháng 5 năm 2020');
    expect(all).toContain('Hiệu trưởng kc.th-tan-dan');
    expect(all).not.toContain('DỰ THẢO');
    // The report's figures, from the signed content
    expect(all).toMatch(/Tổng số CB-GV-NV:?\s*40/);
    // headings of the outline, in the template's order
    const headings = ['Tình hình chung của đơn vị', 'Kết quả thực hiện kế hoạch hành động', 'Đề xuất các vấn đề trọng tâm'];
    const at = headings.map((h) => paragraphs.findIndex((p) => p.includes(h)));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // A4, margins of Nghị định 30/2020: top/bottom 20 mm, left 30 mm, right 15 mm (in twips)
    const pgSz = /<w:pgSz[^>]*>/.exec(xml)![0];
    expect(pgSz).toMatch(/w:w="11906"/);
    expect(pgSz).toMatch(/w:h="1683[78]"/);
    const pgMar = /<w:pgMar[^>]*>/.exec(xml)![0];
    const twips = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(pgMar)![1]);
    expect(twips('top')).toBe(1134);
    expect(twips('bottom')).toBe(1134);
    expect(twips('left')).toBe(1701);
    expect(twips('right')).toBe(850);
  });

  it('renders the signed PDF with correct Vietnamese text', async () => {
    const res = await exportOf('kc.thcs-tan-dan.head', subs['kc.thcs-tan-dan']!.id, 'format=pdf');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(res.body);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(flat).toContain('TRƯỜNG THCS TÂN DÂN');
    expect(flat).toContain('Khoái Châu, ngày 10 tháng 5 năm 2020');
    expect(flat).toContain('Số: 12/BC');
    expect(flat).toContain('Tình hình chung của đơn vị');
    expect(flat).not.toContain('DỰ THẢO');
  });

  it('XLSX of the Phòng consolidation matches the compiled data cell by cell, with sources by unit name', async () => {
    for (const s of Object.keys(schools)) expect((await event('kc.reviewer', subs[s]!.id, { type: 'ACCEPT' })).status).toBe(200);
    const list = await sut.http.get(`/api/submissions?roundId=${roundId}`).set(as('kc.reviewer'));
    const phongId = list.body.items.find((x: { unitCode: string }) => x.unitCode === 'PGD-KC').id;
    const compiled = await event('kc.reviewer', phongId, { type: 'COMPILE' });
    expect(compiled.status).toBe(200);
    const data = compiled.body.data;
    const res = await exportOf('kc.reviewer', phongId, 'format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain('filename=bao-cao-pgd-kc-du-thao.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheetI = wb.worksheets.find((w) => w.name.includes('Tình hình chung'))!;
    expect(sheetI, wb.worksheets.map((w) => w.name).join(', ')).toBeDefined();
    const valueOf = (title: string) => {
      let found: ExcelJS.CellValue | undefined;
      sheetI.eachRow((row) => {
        if (String(row.getCell(2).value ?? '').trim() === title) found = row.getCell(3).value;
      });
      return found;
    };
    expect(valueOf('Tổng số CB-GV-NV')).toBe(data.I.tongSoCBGVNV);
    expect(valueOf('Tổng số CB-GV-NV')).toBe(90);
    expect(valueOf('Trong đó nữ')).toBe(data.I.soNu);
    expect(valueOf('Số cán bộ quản lý (CBQL)')).toBe(data.I.soCBQL);
    expect(valueOf('Trong đó nữ CBQL')).toBe(data.I.soNuCBQL);
    // a percentage is an Excel percentage: 50 / 90 → 0.5555…
    expect(Number(valueOf('Tỷ lệ nữ'))).toBeCloseTo(data.I.tyLeNu / 100, 6);

    const sources = wb.getWorksheet('Nguồn số liệu')!;
    expect(sources).toBeDefined();
    // Vietnamese only: the field by its title path, never a JSON Pointer
    expect(sources.getRow(1).values).toEqual([undefined, 'Chỉ tiêu', 'Mã đơn vị', 'Đơn vị', 'Giá trị']);
    const rows: { title: string; unit: string; value: unknown }[] = [];
    sources.eachRow((row, n) => {
      if (n > 1) rows.push({ title: String(row.getCell(1).value), unit: String(row.getCell(3).value), value: row.getCell(4).value });
    });
    expect(rows.some((r) => r.title.includes('/'))).toBe(false);
    const tong = rows.filter((r) => r.title.endsWith(' › Tổng số CB-GV-NV')).map((r) => [r.unit, r.value]).sort();
    expect(tong).toEqual([
      ['Trường THCS Tân Dân', 50],
      ['Trường Tiểu học Tân Dân', 40],
    ]);
    // every provenance entry is a row, named by unit
    const provenance = (await sut.sql<{ compiled: { provenance: Record<string, unknown[]> } }>(`SELECT compiled FROM submission WHERE id = $1`, [phongId]))[0]!
      .compiled.provenance;
    const expected = Object.values(provenance).reduce((n, e) => n + e.length, 0);
    expect(rows).toHaveLength(expected);
    expect(rows.every((r) => r.unit.startsWith('Trường '))).toBe(true);
  });

  it('exports from a template whose document section is missing fields, with sensible defaults', async () => {
    tokens['pt.editor'] = '';
    const users = await sut.sql<{ username: string }>(
      `SELECT u.username FROM app_user u JOIN org_unit o ON o.id = u.unit_id JOIN submission s ON s.unit_id = o.id
         JOIN round r ON r.id = s.round_id JOIN template_version t ON t.id = r.template_version_id
        WHERE t.code = 'bdg-vstbpn-dinh-ky' AND 'editor' = ANY(u.roles) AND o.kind LIKE 'truong%' ORDER BY u.username LIMIT 1`,
    );
    const username = users[0]!.username;
    tokens[username] = await sut.login(username, DEMO);
    const work = (await sut.http.get('/api/my-work').set(as(username))).body.items[0];
    const res = await exportOf(username, work.id, 'format=docx');
    expect(res.status).toBe(200);
    const { paragraphs } = await docxParagraphs(res.body);
    const all = paragraphs.join('\n');
    expect(all).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(all).toContain('BÁO CÁO');
    expect(all).toContain('DỰ THẢO');
    expect(all).toMatch(/Số: .*\/BC-/);
    const pdf = await exportOf(username, work.id, 'format=pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.body.subarray(0, 4).toString('latin1')).toBe('%PDF');
  });

  it('keeps the hourly reminders in pg-boss\'s schedule (one row, whatever the number of processes)', async () => {
    const rows = await sut.sql<{ name: string; cron: string; timezone: string }>(`SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name`);
    expect(rows).toContainEqual({ name: 'reminders', cron: '0 * * * *', timezone: 'Asia/Ho_Chi_Minh' });
  });

  it('runs an export as a job on request (?async=1): 202, progress, then the file; only for the requester', async () => {
    const id = subs['kc.th-tan-dan']!.id;
    const res = await sut.http.get(`/api/submissions/${id}/export?format=pdf&async=1`).set(as('kc.th-tan-dan.editor'));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ jobId: expect.any(String), statusUrl: `/api/jobs/${res.body.jobId}` });
    const job = await waitJob('kc.th-tan-dan.editor', res.body.jobId);
    expect(job).toMatchObject({ id: res.body.jobId, name: 'export', state: 'completed', progress: 100, error: null });
    expect(job.result).toMatchObject({ mimeType: 'application/pdf', fileUrl: `/api/jobs/${res.body.jobId}/file` });
    const file = await sut.http.get(`/api/jobs/${res.body.jobId}/file`).set(as('kc.th-tan-dan.editor')).buffer(true).parse(binary);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain('filename=bao-cao-kc-th-tan-dan.pdf');
    expect(file.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // another user (even one who may see the submission) does not see the job
    expect((await sut.http.get(`/api/jobs/${res.body.jobId}`).set(as('kc.reviewer'))).status).toBe(404);
    expect((await sut.http.get(`/api/jobs/${res.body.jobId}/file`).set(as('kc.reviewer'))).status).toBe(404);
    expect((await sut.http.get(`/api/jobs/not-a-uuid`).set(as('kc.reviewer'))).status).toBe(400);
  });
});
