import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opensslVerifyAll, pdfsig } from '../signing/testing/independent-verifiers.js';
import { mockTokenPlugin } from '../signing/testing/mock-token-plugin.js';
import { agencyFiles } from '../test-support/agency-certificate.js';
import { binary } from '../test-support/binary.js';
import { khoaiChauReport } from '../test-support/khoai-chau-data.js';
import { lastWidgetRect, redPixels } from '../test-support/red-pixels.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';

describe('the official record: PAdES at SIGN, the seal when issued, verification', () => {
  let sut: TestApp;
  const dir = mkdtempSync(path.join(tmpdir(), 'official-'));
  const files = agencyFiles(dir);
  const tokens: Record<string, string> = {};
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
  const ids: Record<string, string> = {};
  const schools = ['kc.th-tan-dan', 'kc.thcs-tan-dan', 'kc.th-dong-tien', 'kc.th-ham-tu'];
  const pdfOf = async (user: string, id: string) =>
    (await sut.http.get(`/api/submissions/${id}/export?format=pdf`).set(as(user)).buffer(true).parse(binary)).body as Buffer;

  beforeAll(async () => {
    sut = await createTestApp({
      SEED_DEMO: 'true',
      SIGNING_PROVIDER: 'development',
      // One school signs with the agency's PKCS#12 file, two heads with USB tokens; every other unit with the
      // development CA. The token schools' seals: the agency's PKCS#12 file, the development CA.
      SIGNING_PROVIDERS: 'KC-THCS-TAN-DAN=pkcs12,KC-TH-DONG-TIEN=browser-token,KC-TH-HAM-TU=browser-token',
      SIGNING_SEAL_PROVIDERS: 'KC-TH-DONG-TIEN=pkcs12,KC-TH-HAM-TU=development',
      SIGNING_PKCS12_FILE: files.p12,
      SIGNING_PKCS12_PASSWORD: 'mk-thu',
      SIGNING_TRUST_ANCHORS: files.anchors,
    });
    for (const u of [...schools.flatMap((s) => [`${s}.editor`, `${s}.head`]), 'kc.reviewer']) tokens[u] = await sut.login(u, DEMO);
    for (const [i, s] of schools.entries()) {
      const mine = (await sut.http.get('/api/my-work').set(as(`${s}.editor`))).body.items.find((w: { templateCode: string }) => w.templateCode === 'khoai-chau-bdg-2016-2020');
      const saved = await sut.http.put(`/api/submissions/${mine.id}/data`).set(as(`${s}.editor`)).send({ data: khoaiChauReport(s, { total: 40 + i, women: 30, managers: 3, womenManagers: 2 }), version: mine.version });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      ids[s] = mine.id;
      expect((await sut.http.post(`/api/submissions/${mine.id}/events`).set(as(`${s}.editor`)).send({ type: 'SUBMIT' })).status).toBe(200);
    }
  }, 120_000);
  afterAll(() => sut?.close());

  it('SIGN stores the PDF signed by the head (development CA, marked test-only); export returns that record', async () => {
    const s = 'kc.th-tan-dan';
    const signed = await sut.http.post(`/api/submissions/${ids[s]}/events`).set(as(`${s}.head`)).send({ type: 'SIGN' });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const pdf = await pdfOf(`${s}.editor`, ids[s]!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfOf(`${s}.editor`, ids[s]!)).toEqual(pdf); // the stored record, not a new rendering
    expect(pdfsig(pdf)).toEqual(['Signature is Valid.']);
    const list = await sut.http.get(`/api/submissions/${ids[s]}/signatures`).set(as(`${s}.editor`));
    expect(list.status).toBe(200);
    expect(list.body.signatures).toHaveLength(1);
    expect(list.body.signatures[0]).toMatchObject({ kind: 'signer', provider: 'development', valid: true, testOnly: true, matchesStoredData: true });
    expect(list.body.signatures[0].subject).toContain('Hiệu trưởng — Trường Tiểu học Tân Dân');
    // The stored record is immutable.
    await expect(sut.sql(`UPDATE official_pdf SET signer_name = 'x'`)).rejects.toThrow(/append-only/);
  }, 120_000);

  it('the agency seals when the report is accepted (final), its seal drawn in its own revision: the head’s signature stays valid; pdfsig and openssl agree', async () => {
    const s = 'kc.thcs-tan-dan';
    expect((await sut.http.post(`/api/submissions/${ids[s]}/events`).set(as(`${s}.head`)).send({ type: 'SIGN' })).status).toBe(200);
    const signedOnly = await pdfOf('kc.reviewer', ids[s]!);
    const accepted = await sut.http.post(`/api/submissions/${ids[s]}/events`).set(as('kc.reviewer')).send({ type: 'ACCEPT' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const pdf = await pdfOf('kc.reviewer', ids[s]!);
    expect(pdfsig(pdf)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    expect(opensslVerifyAll(pdf, files.caPem)).toEqual([true, true]);
    const list = (await sut.http.get(`/api/submissions/${ids[s]}/signatures`).set(as('kc.reviewer'))).body;
    expect(list.signatures.map((x: { kind: string; valid: boolean; testOnly: boolean; covers: { wholeDocument: boolean } }) => [x.kind, x.valid, x.testOnly, x.covers.wholeDocument])).toEqual([
      ['signer', true, false, false],
      ['seal', true, false, true],
    ]);
    expect(list.officialPdf.revisions).toBe(2);
    // Sealed later than the signature: the seal (the generated red ring, the agency, the time) is drawn in
    // the seal's own revision, over the signer block, and the signed revision is left as it was.
    expect(pdf.subarray(0, signedOnly.length)).toEqual(signedOnly);
    const sealArea = lastWidgetRect(pdf)!;
    expect(redPixels(signedOnly, 'last', sealArea)).toBe(0);
    expect(redPixels(pdf, 'last', sealArea)).toBeGreaterThan(300);

    // A PDF received by e-mail: verified on upload; one changed byte is found.
    const ok = await sut.http.post('/api/verify-pdf').set(as('kc.reviewer')).attach('file', pdf, 'bao-cao.pdf');
    expect(ok.status).toBe(201);
    expect(ok.body.signatures.map((x: { valid: boolean }) => x.valid)).toEqual([true, true]);
    expect(ok.body.submission.id).toBe(ids[s]);
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('/Producer');
    tampered[at + 3] = tampered[at + 3]! ^ 0x01;
    const bad = await sut.http.post('/api/verify-pdf').set(as('kc.reviewer')).attach('file', tampered, 'bao-cao.pdf');
    expect(bad.body.signatures.every((x: { valid: boolean }) => !x.valid)).toBe(true);
    expect(bad.body.signatures[0].problems.join(' ')).toMatch(/bị thay đổi sau khi ký/);
    expect(pdfsig(tampered)[0]).not.toBe('Signature is Valid.');
    const notPdf = await sut.http.post('/api/verify-pdf').set(as('kc.reviewer')).attach('file', Buffer.from('hello'), 'x.pdf');
    expect(notPdf.status).toBe(400);
  }, 120_000);

  it('a USB token in the browser: prepare gives the hash, the plugin signs it, complete stores a valid PAdES record', async () => {
    const s = 'kc.th-dong-tien';
    const plugin = mockTokenPlugin(files.ca, 'Hiệu trưởng Đông Tiến (USB token)');
    expect((await sut.http.post(`/api/submissions/${ids[s]}/events`).set(as(`${s}.head`)).send({ type: 'SIGN' })).status).toBe(200);
    expect((await sut.http.get(`/api/submissions/${ids[s]}/signatures`).set(as(`${s}.head`))).body.signatures).toEqual([]);
    const other = await sut.http.post(`/api/submissions/${ids[s]}/pdf-signature/prepare`).set(as(`${s}.editor`)).send({ certificates: plugin.certificates() });
    expect(other.status).toBe(403);
    const prep = await sut.http.post(`/api/submissions/${ids[s]}/pdf-signature/prepare`).set(as(`${s}.head`)).send({ certificates: plugin.certificates() });
    expect(prep.status, JSON.stringify(prep.body)).toBe(201);
    expect(Buffer.from(prep.body.hashToSign, 'base64')).toHaveLength(32);
    const wrong = await sut.http
      .post(`/api/submissions/${ids[s]}/pdf-signature/complete`)
      .set(as(`${s}.head`))
      .send({ pendingId: prep.body.pendingId, signature: plugin.signHash(Buffer.alloc(32).toString('base64')) });
    expect(wrong.status).toBe(422);
    expect(wrong.body.message).toMatch(/không hợp lệ/);
    // The refused attempt left nothing; prepare again and sign the right hash.
    const again = await sut.http.post(`/api/submissions/${ids[s]}/pdf-signature/prepare`).set(as(`${s}.head`)).send({ certificates: plugin.certificates() });
    const done = await sut.http
      .post(`/api/submissions/${ids[s]}/pdf-signature/complete`)
      .set(as(`${s}.head`))
      .send({ pendingId: again.body.pendingId, signature: plugin.signHash(again.body.hashToSign) });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    const pdf = await pdfOf(`${s}.head`, ids[s]!);
    expect(pdfsig(pdf)).toEqual(['Signature is Valid.']);
    expect(opensslVerifyAll(pdf, files.caPem)).toEqual([true]);
    const list = (await sut.http.get(`/api/submissions/${ids[s]}/signatures`).set(as(`${s}.head`))).body;
    expect(list.signatures).toHaveLength(1); // not issued yet: no seal
    expect(list.signatures[0]).toMatchObject({ kind: 'signer', provider: 'browser-token', valid: true, testOnly: false });

    // Accepted by the Phòng (final): the agency seals with its own certificate (SIGNING_SEAL_PROVIDERS → pkcs12).
    const accepted = await sut.http.post(`/api/submissions/${ids[s]}/events`).set(as('kc.reviewer')).send({ type: 'ACCEPT' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const sealed = await pdfOf('kc.reviewer', ids[s]!);
    expect(sealed.subarray(0, pdf.length)).toEqual(pdf);
    expect(pdfsig(sealed)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    expect(opensslVerifyAll(sealed, files.caPem)).toEqual([true, true]);
    const both = (await sut.http.get(`/api/submissions/${ids[s]}/signatures`).set(as('kc.reviewer'))).body;
    expect(both.signatures.map((x: { kind: string; provider: string; valid: boolean; testOnly: boolean }) => [x.kind, x.provider, x.valid, x.testOnly])).toEqual([
      ['signer', 'browser-token', true, false],
      ['seal', 'pkcs12', true, false],
    ]);
    const uploaded = await sut.http.post('/api/verify-pdf').set(as('kc.reviewer')).attach('file', sealed, 'bao-cao.pdf');
    expect(uploaded.body.signatures.map((x: { valid: boolean }) => x.valid)).toEqual([true, true]);
  }, 120_000);

  it('a USB token completing on a report already issued: complete stores the head’s signature and the seal in one go', async () => {
    const s = 'kc.th-ham-tu';
    const plugin = mockTokenPlugin(files.ca, 'Hiệu trưởng Hàm Tử (USB token)');
    expect((await sut.http.post(`/api/submissions/${ids[s]}/events`).set(as(`${s}.head`)).send({ type: 'SIGN' })).status).toBe(200);
    // Accepted before the head's token signed the PDF: nothing to seal yet.
    const accepted = await sut.http.post(`/api/submissions/${ids[s]}/events`).set(as('kc.reviewer')).send({ type: 'ACCEPT' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect((await sut.http.get(`/api/submissions/${ids[s]}/signatures`).set(as(`${s}.head`))).body.signatures).toEqual([]);
    const prep = await sut.http.post(`/api/submissions/${ids[s]}/pdf-signature/prepare`).set(as(`${s}.head`)).send({ certificates: plugin.certificates() });
    expect(prep.status, JSON.stringify(prep.body)).toBe(201);
    const done = await sut.http
      .post(`/api/submissions/${ids[s]}/pdf-signature/complete`)
      .set(as(`${s}.head`))
      .send({ pendingId: prep.body.pendingId, signature: plugin.signHash(prep.body.hashToSign) });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body.signatures.map((x: { valid: boolean }) => x.valid)).toEqual([true, true]);
    const pdf = await pdfOf(`${s}.head`, ids[s]!);
    expect(pdfsig(pdf)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    const list = (await sut.http.get(`/api/submissions/${ids[s]}/signatures`).set(as(`${s}.head`))).body;
    expect(list.officialPdf.revisions).toBe(2);
    expect(list.signatures.map((x: { kind: string; provider: string; valid: boolean; testOnly: boolean; matchesStoredData: boolean }) => [x.kind, x.provider, x.valid, x.testOnly, x.matchesStoredData])).toEqual([
      ['signer', 'browser-token', true, false, true],
      ['seal', 'development', true, true, true],
    ]);
    // The seal is drawn in its own revision, over the signer block (the generated red ring).
    expect(redPixels(pdf, 'last', lastWidgetRect(pdf)!)).toBeGreaterThan(300);
  }, 120_000);

  it('stored data changed behind the signature: the signature list says so', async () => {
    const s = 'kc.th-tan-dan';
    await sut.sql(`UPDATE submission SET data = jsonb_set(data, '{III,vanDeTrongTam}', '"đã sửa lén"') WHERE id = $1`, [ids[s]]);
    const list = (await sut.http.get(`/api/submissions/${ids[s]}/signatures`).set(as(`${s}.editor`))).body;
    expect(list.signatures[0]).toMatchObject({ valid: false, matchesStoredData: false });
    expect(list.signatures[0].problems).toContain('Mã kiểm tra toàn vẹn trong chữ ký không khớp dữ liệu đang lưu.');
  });
});
