/** X.509 certificates for the development CA and the tests, made with node-forge (keys from node:crypto, which is fast). */
import { generateKeyPair, generateKeyPairSync, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

const { pki } = forge;

export interface KeyAndCert {
  keyPem: string;
  certPem: string;
  subject: CertSubject;
}

export interface CertSubject {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
}

function attrs(s: CertSubject): forge.pki.CertificateField[] {
  const out: forge.pki.CertificateField[] = [{ shortName: 'C', value: 'VN' }];
  if (s.organization) out.push({ shortName: 'O', value: s.organization, valueTagClass: forge.asn1.Type.UTF8 as never });
  if (s.organizationalUnit) out.push({ shortName: 'OU', value: s.organizationalUnit, valueTagClass: forge.asn1.Type.UTF8 as never });
  out.push({ shortName: 'CN', value: s.commonName, valueTagClass: forge.asn1.Type.UTF8 as never });
  return out;
}

export function newRsaKeyPem(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** The same, off the event loop (libuv's thread pool): RSA key generation takes seconds on a busy machine. */
export async function newRsaKeyPemAsync(): Promise<{ privatePem: string; publicPem: string }> {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** A certificate for `subject`, signed by `issuer` (or self-signed when issuer is null). */
export function issueCertificate(opts: {
  subject: CertSubject;
  publicPem: string;
  issuer: KeyAndCert | null;
  /** The subject's own key, needed only to self-sign. */
  selfKeyPem?: string;
  ca: boolean;
  years: number;
}): string {
  const cert = pki.createCertificate();
  cert.publicKey = pki.publicKeyFromPem(opts.publicPem);
  cert.serialNumber = '01' + randomBytes(15).toString('hex');
  const now = new Date();
  cert.validity.notBefore = new Date(now.getTime() - 3600_000);
  cert.validity.notAfter = new Date(now.getTime() + opts.years * 365 * 24 * 3600_000);
  cert.setSubject(attrs(opts.subject));
  // The issuer's name is rebuilt from its subject (forge re-encodes parsed UTF-8 names twice).
  cert.setIssuer(attrs(opts.issuer ? opts.issuer.subject : opts.subject));
  cert.setExtensions([
    { name: 'basicConstraints', cA: opts.ca, critical: true },
    opts.ca
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  const signingKey = pki.privateKeyFromPem(opts.issuer ? opts.issuer.keyPem : opts.selfKeyPem!);
  cert.sign(signingKey as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return pki.certificateToPem(cert);
}

export function pemToDer(pem: string): Buffer {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(pem);
  if (!m) throw new Error('not a PEM certificate');
  return Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
}

/** A PKCS#12 file (password-protected) holding a key and its certificate chain. */
export function makePkcs12(keyPem: string, chainPem: string[], password: string, friendlyName: string): Buffer {
  const key = pki.privateKeyFromPem(keyPem);
  const certs = chainPem.map((p) => pki.certificateFromPem(p));
  const p12 = forge.pkcs12.toPkcs12Asn1(key, certs, password, { algorithm: '3des', friendlyName });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}
