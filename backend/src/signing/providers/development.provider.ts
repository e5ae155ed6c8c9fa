import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { issueCertificate, type KeyAndCert, newRsaKeyPemAsync, pemToDer } from './certificates.js';
import type { SignerIdentity, SigningProvider, SigningSession } from './provider.js';
import { rsaSignHash } from './rsa.js';

export const TEST_ONLY_LABEL = 'Chữ ký thử nghiệm, không có giá trị pháp lý';
const DEV_CA_SUBJECT = { commonName: 'CA thử nghiệm Báo cáo BĐG', organization: 'Báo cáo BĐG', organizationalUnit: TEST_ONLY_LABEL };

/**
 * A local test CA created at first start in DATA_DIR/signing, so that `npm start` signs out of the
 * box. Every certificate it issues says, in its OU, that it has no legal value; so does the document.
 */
export class DevelopmentProvider implements SigningProvider {
  readonly kind = 'development' as const;
  readonly testOnly = true;
  /** One certificate per signer name, issued once per process (forge signs in pure JS: slow). */
  private readonly issued = new Map<string, string>();

  private constructor(
    private readonly ca: KeyAndCert,
    private readonly leafKey: { privatePem: string; publicPem: string },
  ) {}

  /** Loads (or at first start creates) the test CA, with key generation off the event loop. */
  static async create(dataDir: string): Promise<DevelopmentProvider> {
    const [ca, leaf] = await Promise.all([DevelopmentProvider.loadOrCreateCa(dataDir), newRsaKeyPemAsync()]);
    return new DevelopmentProvider(ca, leaf);
  }

  /** The test CA's certificate (PEM): a trust anchor for development signatures only. */
  get caCertPem(): string {
    return this.ca.certPem;
  }

  static async loadOrCreateCa(dataDir: string): Promise<KeyAndCert> {
    const dir = path.join(dataDir, 'signing');
    const keyFile = path.join(dir, 'dev-ca.key.pem');
    const certFile = path.join(dir, 'dev-ca.crt.pem');
    if (existsSync(keyFile) && existsSync(certFile)) return { keyPem: readFileSync(keyFile, 'utf8'), certPem: readFileSync(certFile, 'utf8'), subject: DEV_CA_SUBJECT };
    mkdirSync(dir, { recursive: true });
    const k = await newRsaKeyPemAsync();
    const certPem = issueCertificate({
      subject: DEV_CA_SUBJECT,
      publicPem: k.publicPem,
      issuer: null,
      selfKeyPem: k.privatePem,
      ca: true,
      years: 10,
    });
    // The key file is written with owner-only permissions; it signs nothing of legal value.
    writeFileSync(keyFile, k.privatePem, { mode: 0o600 });
    writeFileSync(certFile, certPem);
    return { keyPem: k.privatePem, certPem, subject: DEV_CA_SUBJECT };
  }

  async open(who: SignerIdentity): Promise<SigningSession> {
    const cacheKey = `${who.name}\u0000${who.unitName}`;
    const certPem =
      this.issued.get(cacheKey) ??
      issueCertificate({
        subject: { commonName: who.name, organization: who.unitName, organizationalUnit: TEST_ONLY_LABEL },
        publicPem: this.leafKey.publicPem,
        issuer: this.ca,
        ca: false,
        years: 2,
      });
    this.issued.set(cacheKey, certPem);
    const key = this.leafKey.privatePem;
    return {
      certificates: [pemToDer(certPem), pemToDer(this.ca.certPem)],
      signHash: async (hash) => rsaSignHash(key, hash),
    };
  }
}
