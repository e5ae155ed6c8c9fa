import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { issueCertificate, makePkcs12, newRsaKeyPem } from '../signing/providers/certificates.js';

/** An agency certificate (PKCS#12, password `mk-thu`) issued by a test CA, and that CA as a trust-anchor file. */
export function agencyFiles(dir: string, holder = 'Trường THCS Tân Dân', organization = 'Phòng GD&ĐT Khoái Châu') {
  const ca = newRsaKeyPem();
  const caSubject = { commonName: 'CA của bộ kiểm thử', organization: 'Kiểm thử' };
  const caPem = issueCertificate({ subject: caSubject, publicPem: ca.publicPem, issuer: null, selfKeyPem: ca.privatePem, ca: true, years: 1 });
  const key = newRsaKeyPem();
  const cert = issueCertificate({ subject: { commonName: holder, organization }, publicPem: key.publicPem, issuer: { keyPem: ca.privatePem, certPem: caPem, subject: caSubject }, ca: false, years: 1 });
  writeFileSync(path.join(dir, 'agency.p12'), makePkcs12(key.privatePem, [cert, caPem], 'mk-thu', 'agency'));
  writeFileSync(path.join(dir, 'anchors.pem'), caPem);
  return { p12: path.join(dir, 'agency.p12'), anchors: path.join(dir, 'anchors.pem'), caPem, ca: { keyPem: ca.privatePem, certPem: caPem, subject: caSubject } };
}
