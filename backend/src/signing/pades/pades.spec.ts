import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../exports/render/index.js';
import { input } from '../../exports/render/__fixtures__/render-input.js';
import { issueCertificate, type KeyAndCert, makePkcs12, newRsaKeyPem } from '../providers/certificates.js';
import { DevelopmentProvider } from '../providers/development.provider.js';
import { Pkcs12Provider } from '../providers/pkcs12.provider.js';
import { RemoteCscProvider } from '../providers/remote-csc.provider.js';
import { type MockCsc, startMockCsc } from '../testing/mock-csc-server.js';
import { opensslVerifyAll, pdfsig } from '../testing/independent-verifiers.js';
import { addPadesSignature } from './pdf-sign.js';
import { verifyPdfSignatures } from './verify.js';

const HASH = 'a'.repeat(64);
// Certificates are issued from an hour ago, so the signing time is now (to the second, as in UTCTime).
const AT = new Date(Math.floor(Date.now() / 1000) * 1000);
const opts = (name: string) => ({ name, reason: `Ky bao cao; ma kiem tra toan ven ${HASH}`, location: 'Khoai Chau', signingTime: AT });

/** A test agency CA (standing in for a licensed CA) that the verifier is configured to trust. */
function agencyCa(): KeyAndCert {
  const k = newRsaKeyPem();
  const subject = { commonName: 'CA thử nghiệm của bộ kiểm thử', organization: 'Kiểm thử' };
  return { keyPem: k.privatePem, subject, certPem: issueCertificate({ subject, publicPem: k.publicPem, issuer: null, selfKeyPem: k.privatePem, ca: true, years: 1 }) };
}

describe('PAdES signatures (development, pkcs12, remote CSC) verified by the product, pdfsig and openssl', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pades-'));
  let dev: DevelopmentProvider;
  const ca = agencyCa();
  let csc: MockCsc;
  let pkcs12: Pkcs12Provider;
  let pdf: Buffer;

  beforeAll(async () => {
    dev = await DevelopmentProvider.create(dir);
    csc = await startMockCsc(ca, 'Trần Văn Giám Đốc');
    const seal = newRsaKeyPem();
    const sealCert = issueCertificate({ subject: { commonName: 'Sở Giáo dục và Đào tạo Hưng Yên', organization: 'Sở GD&ĐT Hưng Yên' }, publicPem: seal.publicPem, issuer: ca, ca: false, years: 1 });
    const file = path.join(dir, 'agency.p12');
    writeFileSync(file, makePkcs12(seal.privatePem, [sealCert, ca.certPem], 'mat-khau-thu', 'seal'));
    pkcs12 = new Pkcs12Provider(file, 'mat-khau-thu');
    pdf = await renderPdf(input({ draft: false }));
  }, 60_000);
  afterAll(() => csc?.close());

  it('the head signs (development CA), then the agency seals (PKCS#12): both stay valid for every verifier', async () => {
    const signed = await addPadesSignature(pdf, await dev.open({ purpose: 'signer', name: 'Nguyễn Thị Hương', unitName: 'Trường THCS Đông Tiến' }), opts('Nguyen Thi Huong'));
    const sealed = await addPadesSignature(signed, await pkcs12.open(), opts('So GD DT Hung Yen'));
    const reports = verifyPdfSignatures(sealed, [ca.certPem], [dev.caCertPem]);
    expect(reports.map((r) => [r.valid, r.testOnly, r.covers.wholeDocument])).toEqual([
      [true, true, false],
      [true, false, true],
    ]);
    expect(reports[0]!.subject).toContain('CN=Nguyễn Thị Hương');
    expect(reports[0]!.contentHash).toBe(HASH);
    expect(reports[0]!.signingTime).toBe(AT.toISOString());
    expect(pdfsig(sealed)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    expect(opensslVerifyAll(sealed, dev.caCertPem)[0]).toBe(true);
    expect(opensslVerifyAll(sealed, ca.certPem)[1]).toBe(true);
    // Without its anchor the chain is refused, with a reason.
    const untrusted = verifyPdfSignatures(sealed, [], []);
    expect(untrusted[1]!.valid).toBe(false);
    expect(untrusted[1]!.problems.join(' ')).toMatch(/tin cậy/);
  }, 60_000);

  it('signs through a remote CSC service (credentials/list, info, authorize, signatures/signHash)', async () => {
    const provider = new RemoteCscProvider({ baseUrl: csc.url, accessToken: csc.token, timeoutMs: 5000 });
    const signed = await addPadesSignature(pdf, await provider.open(), opts('Tran Van Giam Doc'));
    expect(csc.calls).toEqual(['credentials/list', 'credentials/info', 'credentials/authorize', 'signatures/signHash']);
    expect(verifyPdfSignatures(signed, [ca.certPem])[0]).toMatchObject({ valid: true, testOnly: false });
    expect(pdfsig(signed)).toEqual(['Signature is Valid.']);
    expect(opensslVerifyAll(signed, ca.certPem)).toEqual([true]);
  }, 60_000);

  it('a remote service that does not answer in time is refused with a Vietnamese reason', async () => {
    const slow = await startMockCsc(ca, 'Chậm', { authorizeDelayMs: 2000 });
    try {
      const session = await new RemoteCscProvider({ baseUrl: slow.url, accessToken: slow.token, timeoutMs: 300 }).open();
      await expect(session.signHash(Buffer.alloc(32))).rejects.toThrow(/không trả lời trong/);
    } finally {
      await slow.close();
    }
  }, 30_000);

  it('a byte changed in the signed PDF is detected by the product, pdfsig and openssl', async () => {
    const signed = await addPadesSignature(pdf, await dev.open({ purpose: 'signer', name: 'Người ký', unitName: 'Đơn vị' }), opts('Nguoi ky'));
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('/Producer');
    tampered[at + 3] = tampered[at + 3]! ^ 0x01;
    const [r] = verifyPdfSignatures(tampered, [], [dev.caCertPem]);
    expect(r!.valid).toBe(false);
    expect(r!.checks.digest).toBe(false);
    expect(r!.problems[0]).toMatch(/bị thay đổi sau khi ký/);
    expect(pdfsig(tampered)[0]).not.toBe('Signature is Valid.');
    expect(opensslVerifyAll(tampered, dev.caCertPem)).toEqual([false]);
  }, 60_000);
});
