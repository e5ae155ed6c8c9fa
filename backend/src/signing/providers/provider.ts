/**
 * A signing provider holds (or reaches) a private key: it gives the certificates and signs the
 * SHA-256 of the CMS signed attributes. Which one signs for a unit is configuration (see config.ts).
 */
export type ProviderKind = 'development' | 'pkcs12' | 'remote-csc' | 'browser-token';
export const PROVIDER_KINDS: ProviderKind[] = ['development', 'pkcs12', 'remote-csc', 'browser-token'];

/** Who signs: a person (the competent signer) or the agency (its seal). */
export interface SignerIdentity {
  purpose: 'signer' | 'seal';
  /** The person's full name, or the agency's name for a seal. */
  name: string;
  unitName: string;
}

/** A signing session for one signature. */
export interface SigningSession {
  /** DER certificates: the signer's first, then its chain (without the root, which a verifier must hold). */
  certificates: Buffer[];
  /** RSA PKCS#1 v1.5 signature of a SHA-256 hash (32 bytes). */
  signHash(hash: Buffer): Promise<Buffer>;
}

export interface SigningProvider {
  readonly kind: ProviderKind;
  /** A development signature: the document says "chữ ký thử nghiệm, không có giá trị pháp lý". */
  readonly testOnly: boolean;
  open(who: SignerIdentity): Promise<SigningSession>;
}

export class SigningProviderError extends Error {}
