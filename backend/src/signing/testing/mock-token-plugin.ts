/**
 * Stands in for the local signing plugin of a USB token (as Vietnamese CAs ship for browsers): it lists
 * the token's certificates and signs a SHA-256 hash with the token's key (RSA PKCS#1 v1.5), nothing more.
 */
import { issueCertificate, type KeyAndCert, newRsaKeyPem, pemToDer } from '../providers/certificates.js';
import { rsaSignHash } from '../providers/rsa.js';

export interface MockTokenPlugin {
  certificates(): string[];
  signHash(hashB64: string): string;
}

export function mockTokenPlugin(ca: KeyAndCert, holder: string): MockTokenPlugin {
  const key = newRsaKeyPem();
  const cert = issueCertificate({ subject: { commonName: holder, organization: 'USB token (thử)' }, publicPem: key.publicPem, issuer: ca, ca: false, years: 1 });
  return {
    certificates: () => [pemToDer(cert).toString('base64'), pemToDer(ca.certPem).toString('base64')],
    signHash: (hashB64) => rsaSignHash(key.privatePem, Buffer.from(hashB64, 'base64')).toString('base64'),
  };
}
