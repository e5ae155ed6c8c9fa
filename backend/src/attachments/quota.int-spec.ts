import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const pdfOf = (kb: number) => Buffer.concat([PDF, Buffer.alloc(kb * 1024)]);

describe('AttachmentsService quotas', () => {
  let sut: TestApp;
  let editor = '';
  let first = '';
  let second = '';
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });
  const upload = (sub: string, buf: Buffer, name: string) => sut.http.post(`/api/submissions/${sub}/attachments`).set(auth(editor)).attach('file', buf, name);
  const stored = async (sub: string) => (await sut.sql<{ n: number }>(`SELECT count(*)::int AS n FROM attachment WHERE submission_id = $1`, [sub]))[0]!.n;

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true', UPLOAD_LIMIT_MB: '1', ATTACHMENTS_PER_SUBMISSION: '3', ATTACHMENTS_TOTAL_MB: '1' });
    editor = await sut.login('kc.th-tan-dan.editor', DEMO);
    // the school's two open submissions (one per round): each has its own quota
    const subs = await sut.sql<{ id: string }>(
      `SELECT s.id FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE o.code = 'KC-TH-TAN-DAN' ORDER BY s.created_at`,
    );
    first = subs[0]!.id;
    second = (subs[1] ?? subs[0]!).id;
  });
  afterAll(() => sut.close());

  it('states the real limits and the use so far (GET …/attachments/quota)', async () => {
    const q = await sut.http.get(`/api/submissions/${first}/attachments/quota`).set(auth(editor));
    expect(q.status).toBe(200);
    expect(q.body).toEqual({ maxFileBytes: 1048576, maxFiles: 3, maxTotalBytes: 1048576, files: 0, totalBytes: 0 });
  });

  it('refuses the file beyond the count limit with 409 and a Vietnamese message stating the limit; nothing is stored', async () => {
    for (let i = 0; i < 3; i++) expect((await upload(first, PDF, `minh-chung-${i}.pdf`)).status).toBe(201);
    const over = await upload(first, PDF, 'minh-chung-4.pdf');
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ statusCode: 409, message: 'Mỗi báo cáo được đính kèm tối đa 3 tệp minh chứng; báo cáo này đã có 3 tệp.' });
    expect(await stored(first)).toBe(3);
    expect((await sut.http.get(`/api/submissions/${first}/attachments/quota`).set(auth(editor))).body).toMatchObject({ files: 3, totalBytes: 3 * PDF.length });
  });

  it('refuses a file that would pass the total size with 413 stating the limit in MB', async () => {
    await sut.sql(`DELETE FROM attachment WHERE submission_id = $1`, [second]);
    expect((await upload(second, pdfOf(600), 'ban-ve-1.pdf')).status).toBe(201);
    const over = await upload(second, pdfOf(500), 'ban-ve-2.pdf');
    expect(over.status).toBe(413);
    expect(over.body.message).toMatch(/^Tổng dung lượng minh chứng của một báo cáo tối đa 1 MB; báo cáo này đã dùng 0,6 MB, tệp này 0,5 MB\.$/);
    expect(await stored(second)).toBe(1);
  });

  it('counts concurrent uploads one by one: 6 at once under a limit of 3 store exactly what is left', async () => {
    await sut.sql(`DELETE FROM attachment WHERE submission_id = $1`, [second]);
    const codes = (await Promise.all(Array.from({ length: 6 }, (_, i) => upload(second, PDF, `dong-thoi-${i}.pdf`)))).map((r) => r.status);
    expect(codes.filter((c) => c === 201)).toHaveLength(3);
    expect(codes.filter((c) => c === 409)).toHaveLength(3);
    expect(await stored(second)).toBe(3);
  });

  it('removes right-to-left overrides and other control or format characters from file names', async () => {
    await sut.sql(`DELETE FROM attachment WHERE submission_id = $1`, [second]);
    const up = await upload(second, PDF, 'hoa-don\u202Egpj.exe\u200B\u2066.pdf');
    expect(up.status).toBe(201);
    expect(up.body.fileName).toBe('hoa-dongpj.exe.pdf');
  });
});
