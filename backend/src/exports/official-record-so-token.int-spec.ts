import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opensslVerifyAll, pdfsig } from '../signing/testing/independent-verifiers.js';
import { mockTokenPlugin } from '../signing/testing/mock-token-plugin.js';
import { agencyFiles } from '../test-support/agency-certificate.js';
import { binary } from '../test-support/binary.js';
import { soReportAwaitingSignature } from '../test-support/so-report.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * The Sở's Giám đốc signs with a USB token while the Sở's seal is the agency's certificate held by the
 * server (SIGNING_SEAL_PROVIDERS → pkcs12): publishing by SIGN reaches the final state at once, so the
 * seal is added by the same `complete` that stores the head's signature.
 */
describe('a USB-token head publishes: the agency’s seal follows in the same complete', () => {
  let sut: TestApp;
  const tokens: Record<string, string> = {};
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
  const files = agencyFiles(mkdtempSync(path.join(tmpdir(), 'so-token-')), 'Sở GD&ĐT Hưng Yên', 'UBND tỉnh Hưng Yên');
  let soId = '';

  beforeAll(async () => {
    sut = await createTestApp({
      SEED_DEMO: 'true',
      SIGNING_PROVIDER: 'development',
      // The Sở's head signs with a USB token; the Phòng and its schools below sign with the development CA.
      SIGNING_PROVIDERS: 'SO-HY=browser-token,PGD-KC=development',
      SIGNING_SEAL_PROVIDERS: 'SO-HY=pkcs12',
      SIGNING_PKCS12_FILE: files.p12,
      SIGNING_PKCS12_PASSWORD: 'mk-thu',
      SIGNING_TRUST_ANCHORS: files.anchors,
    });
    soId = await soReportAwaitingSignature(sut, tokens);
  }, 240_000);
  afterAll(() => sut?.close());

  it('SIGN publishes without a PDF; the token signs it; complete answers and stores the signer’s and the seal’s revisions', async () => {
    const plugin = mockTokenPlugin(files.ca, 'Giám đốc Sở (USB token)');
    const signed = await sut.http.post(`/api/submissions/${soId}/events`).set(as('hy.so.head')).send({ type: 'SIGN' });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect((await sut.http.get(`/api/submissions/${soId}/signatures`).set(as('hy.so.head'))).body.signatures).toEqual([]);
    const prep = await sut.http.post(`/api/submissions/${soId}/pdf-signature/prepare`).set(as('hy.so.head')).send({ certificates: plugin.certificates() });
    expect(prep.status, JSON.stringify(prep.body)).toBe(201);
    const done = await sut.http
      .post(`/api/submissions/${soId}/pdf-signature/complete`)
      .set(as('hy.so.head'))
      .send({ pendingId: prep.body.pendingId, signature: plugin.signHash(prep.body.hashToSign) });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body.signatures.map((x: { valid: boolean; testOnly: boolean }) => [x.valid, x.testOnly])).toEqual([
      [true, false],
      [true, false],
    ]);

    const pdf = (await sut.http.get(`/api/submissions/${soId}/export?format=pdf`).set(as('hy.so.head')).buffer(true).parse(binary)).body as Buffer;
    expect(pdfsig(pdf)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    expect(opensslVerifyAll(pdf, files.caPem)).toEqual([true, true]);
    const list = (await sut.http.get(`/api/submissions/${soId}/signatures`).set(as('hy.so.head'))).body;
    expect(list.officialPdf.revisions).toBe(2);
    expect(list.signatures.map((x: { kind: string; provider: string; valid: boolean; name: string; covers: { wholeDocument: boolean } }) => [x.kind, x.provider, x.valid, x.covers.wholeDocument])).toEqual([
      ['signer', 'browser-token', true, false],
      ['seal', 'pkcs12', true, true],
    ]);
    expect(list.signatures[1].subject).toContain('Sở GD&ĐT Hưng Yên');
    const uploaded = await sut.http.post('/api/verify-pdf').set(as('hy.so.head')).attach('file', pdf, 'bao-cao-so.pdf');
    expect(uploaded.body.signatures.map((x: { valid: boolean }) => x.valid)).toEqual([true, true]);
    expect(uploaded.body.submission.id).toBe(soId);
    // Signed once: a second prepare is refused.
    const again = await sut.http.post(`/api/submissions/${soId}/pdf-signature/prepare`).set(as('hy.so.head')).send({ certificates: plugin.certificates() });
    expect(again.status).toBe(409);
  }, 120_000);
});
