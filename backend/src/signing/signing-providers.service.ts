import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { DevelopmentProvider } from './providers/development.provider.js';
import { Pkcs12Provider } from './providers/pkcs12.provider.js';
import { type ProviderKind, type SigningProvider, SigningProviderError } from './providers/provider.js';
import { RemoteCscProvider } from './providers/remote-csc.provider.js';

/**
 * The key is on a USB token in the signer's browser: the server never signs with it, the page does
 * (POST …/pdf-signature/prepare, the token plugin, POST …/pdf-signature/complete).
 */
const BROWSER_TOKEN: SigningProvider = {
  kind: 'browser-token',
  testOnly: false,
  open: () => Promise.reject(new SigningProviderError('Chữ ký bằng USB token được thực hiện trong trình duyệt của người ký.')),
};

/** The signing provider of each unit (configuration), and the trust anchors of verification. */
@Injectable()
export class SigningProvidersService implements OnModuleInit {
  private readonly cache = new Map<ProviderKind, SigningProvider>();
  private dev: Promise<DevelopmentProvider> | null = null;

  constructor(@Inject(CONFIG) private readonly config: AppConfig) {}

  /** The development CA is created at first start, so that `npm start` signs out of the box. */
  onModuleInit() {
    const s = this.config.signing;
    // Started, not awaited: the key generation runs off the event loop while the app starts.
    const kinds = [s.defaultProvider, ...Object.values(s.byUnit), s.sealDefault, ...Object.values(s.sealByUnit)];
    if (kinds.includes('development')) this.development().catch(() => undefined);
  }

  private development(): Promise<DevelopmentProvider> {
    this.dev ??= DevelopmentProvider.create(this.config.dataDir);
    return this.dev;
  }

  /** The provider for a unit: its own code, else its nearest ancestor's, else the default. */
  async forUnit(codesNearestFirst: string[]): Promise<SigningProvider> {
    const s = this.config.signing;
    return this.ofKind((codesNearestFirst.map((c) => s.byUnit[c]).find(Boolean) ?? s.defaultProvider) as ProviderKind);
  }

  /**
   * The provider of the unit's seal: SIGNING_SEAL_PROVIDERS (its own code, else its nearest ancestor's), else
   * SIGNING_SEAL_PROVIDER, else the unit's signing provider; null when that is a USB token (nothing seals).
   */
  async sealForUnit(codesNearestFirst: string[]): Promise<SigningProvider | null> {
    const s = this.config.signing;
    const kind = codesNearestFirst.map((c) => s.sealByUnit[c]).find(Boolean) ?? s.sealDefault;
    if (kind) return this.ofKind(kind as ProviderKind);
    const signer = await this.forUnit(codesNearestFirst);
    return signer.kind === 'browser-token' ? null : signer;
  }

  private async ofKind(kind: ProviderKind): Promise<SigningProvider> {
    const hit = this.cache.get(kind);
    if (hit) return hit;
    const made = await this.make(kind);
    this.cache.set(kind, made);
    return made;
  }

  private async make(kind: ProviderKind): Promise<SigningProvider> {
    const s = this.config.signing;
    if (kind === 'development') return this.development();
    if (kind === 'pkcs12' && s.pkcs12) return new Pkcs12Provider(s.pkcs12.file, s.pkcs12.password);
    if (kind === 'remote-csc' && s.csc) return new RemoteCscProvider(s.csc);
    if (kind === 'browser-token') return BROWSER_TOKEN;
    throw new SigningProviderError(`Chưa cấu hình nhà cung cấp ký số "${kind}".`);
  }

  /** Licensed CAs' roots from configuration. */
  trustAnchors(): string[] {
    return this.config.signing.trustAnchorsPem;
  }

  /** The development CA: signatures chaining to it are valid but marked as test-only. */
  async testAnchors(): Promise<string[]> {
    return this.dev ? [(await this.dev).caCertPem] : [];
  }
}
