import { readFileSync } from 'node:fs';
import forge from 'node-forge';
import { pemToDer } from './certificates.js';
import { type SigningProvider, SigningProviderError, type SigningSession } from './provider.js';
import { rsaSignHash } from './rsa.js';

/** The agency's certificate in a PKCS#12 file held by the server (file and password from configuration). */
export class Pkcs12Provider implements SigningProvider {
  readonly kind = 'pkcs12' as const;
  readonly testOnly = false;
  private readonly keyPem: string;
  private readonly certificates: Buffer[];

  constructor(file: string, password: string) {
    let p12: forge.pkcs12.Pkcs12Pfx;
    try {
      p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(readFileSync(file).toString('binary')), password);
    } catch (e) {
      throw new SigningProviderError(`Không mở được tệp chứng thư số PKCS#12 (${file}): ${(e as Error).message}`);
    }
    const keyBags = [
      ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
      ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
    ];
    const key = keyBags[0]?.key;
    const certs = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).map((b) => b.cert!).filter(Boolean);
    if (!key || !certs.length) throw new SigningProviderError('Tệp PKCS#12 không có khóa bí mật hoặc chứng thư số.');
    this.keyPem = forge.pki.privateKeyToPem(key);
    // The signer's certificate is the one whose public key matches the private key; it goes first.
    const modulus = (key as forge.pki.rsa.PrivateKey).n.toString(16);
    certs.sort((a, b) => Number((b.publicKey as forge.pki.rsa.PublicKey).n.toString(16) === modulus) - Number((a.publicKey as forge.pki.rsa.PublicKey).n.toString(16) === modulus));
    this.certificates = certs.map((c) => pemToDer(forge.pki.certificateToPem(c)));
  }

  async open(): Promise<SigningSession> {
    return { certificates: this.certificates, signHash: async (hash) => rsaSignHash(this.keyPem, hash) };
  }
}
