import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { khoaiChauReport } from '../test-support/khoai-chau-data.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('AttachmentsController', () => {
  let sut: TestApp;
  let editor = '';
  let head = '';
  let other = '';
  let id = '';
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true', UPLOAD_LIMIT_MB: '1' });
    editor = await sut.login('kc.th-tan-dan.editor', DEMO);
    head = await sut.login('kc.th-tan-dan.head', DEMO);
    other = await sut.login('vg.reviewer', DEMO);
    id = (await sut.http.get('/api/my-work').set(auth(editor))).body.items[0].id;
  });
  afterAll(() => sut.close());

  it('stores a PDF with its SHA-256 and serves it back with a safe name', async () => {
    const up = await sut.http.post(`/api/submissions/${id}/attachments`).set(auth(editor)).attach('file', PDF, '../../etc/Biên bản họp.pdf');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ fileName: 'Biên bản họp.pdf', mimeType: 'application/pdf', size: PDF.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const list = await sut.http.get(`/api/submissions/${id}/attachments`).set(auth(editor));
    expect(list.body).toHaveLength(1);
    const down = await sut.http.get(`/api/attachments/${up.body.id}`).set(auth(editor)).buffer(true);
    expect(down.status).toBe(200);
    expect(down.headers['content-disposition']).toMatch(/^attachment; filename="Bi\?n b\?n h\?p\.pdf"; filename\*=UTF-8''Bi%C3%AAn/);
    expect(Buffer.compare(down.body as Buffer, PDF)).toBe(0);
    expect((await sut.http.get(`/api/attachments/${up.body.id}`).set(auth(other))).status).toBe(404);
  });

  it('decides the type by content: a text file named .pdf is refused (415), a PNG named .pdf is stored as .png', async () => {
    const fake = await sut.http.post(`/api/submissions/${id}/attachments`).set(auth(editor)).attach('file', Buffer.from('<script>alert(1)</script>'), 'minh-chung.pdf');
    expect(fake.status).toBe(415);
    expect(fake.body.message).toMatch(/Loại tệp không được chấp nhận/);
    const png = await sut.http.post(`/api/submissions/${id}/attachments`).set(auth(editor)).attach('file', PNG, 'anh.pdf');
    expect(png.body).toMatchObject({ fileName: 'anh.png', mimeType: 'image/png' });
  });

  it('refuses a file over the limit (413) and a zip that is not an Office document (415)', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10)]);
    const res = await sut.http.post(`/api/submissions/${id}/attachments`).set(auth(editor)).attach('file', big, 'lon.pdf');
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/quá lớn/);
    const zip = Buffer.from('504b0304140000000800', 'hex');
    expect((await sut.http.post(`/api/submissions/${id}/attachments`).set(auth(editor)).attach('file', zip, 'bom.docx')).status).toBe(415);
  });

  it('includes attachment hashes in the signature and refuses uploads once signed', async () => {
    const sub = (await sut.http.get(`/api/submissions/${id}`).set(auth(editor))).body;
    const saved = await sut.http.put(`/api/submissions/${id}/data`).set(auth(editor)).send({ data: khoaiChauReport('TH Tân Dân', { total: 9, women: 5, managers: 1, womenManagers: 1 }), version: sub.version });
    expect(saved.status).toBe(200);
    await sut.http.post(`/api/submissions/${id}/events`).set(auth(editor)).send({ type: 'SUBMIT' });
    const signed = await sut.http.post(`/api/submissions/${id}/events`).set(auth(head)).send({ type: 'SIGN' });
    expect(signed.body.signature.attachmentHashes).toHaveLength(2);
    const late = await sut.http.post(`/api/submissions/${id}/attachments`).set(auth(editor)).attach('file', PDF, 'muon.pdf');
    expect(late.status).toBe(409);
    await sut.sql(`DELETE FROM attachment WHERE submission_id = $1 AND mime_type = 'image/png'`, [id]);
    const verify = await sut.http.get(`/api/submissions/${id}/verify`).set(auth(editor));
    expect(verify.body.ok).toBe(false);
  });
});
