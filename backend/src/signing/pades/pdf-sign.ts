/**
 * Adds one PAdES signature to a PDF as an incremental update (@signpdf/placeholder-plain appends a new
 * revision, @signpdf/signpdf fills the byte range), so every earlier signature keeps covering its own
 * revision and stays valid.
 */
import { createHash } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { SigningSession } from '../providers/provider.js';
import { assembleCms, signedAttributes } from './cms.js';

/** Room for the CMS: a 3-certificate chain with 2048-bit keys fits in about 4 KB. */
export const SIGNATURE_BYTES = 12_000;

class CmsSigner extends Signer {
  constructor(private readonly session: SigningSession) {
    super();
  }

  override async sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
    const digest = createHash('sha256').update(content).digest();
    const attrs = signedAttributes(digest, signingTime ?? new Date(), this.session.certificates[0]!);
    const signature = await this.session.signHash(createHash('sha256').update(attrs).digest());
    return assembleCms(attrs, signature, this.session.certificates);
  }
}

export interface PadesOptions {
  /** /Name of the signature dictionary: the signer or the agency. */
  name: string;
  /** /Reason: what is signed; carries the integrity code of the signed content. */
  reason: string;
  location: string;
  signingTime: Date;
}

/**
 * placeholder-plain writes text strings byte by byte, which garbles Vietnamese: the dictionary's
 * strings are kept to ASCII (the certificate carries the exact name in UTF-8).
 */
export function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/[()\\]/g, ' ');
}

export async function addPadesSignature(pdf: Buffer, session: SigningSession, o: PadesOptions): Promise<Buffer> {
  return new SignPdf().sign(withPlaceholder(pdf, o), new CmsSigner(session), o.signingTime);
}

/** Signs a PDF that already carries its signature placeholder (made with the document, its widget on the signer block). */
export async function signPlaceholder(placeholderPdf: Buffer, session: SigningSession, signingTime: Date): Promise<Buffer> {
  return new SignPdf().sign(placeholderPdf, new CmsSigner(session), signingTime);
}

/** Carries the signed attributes out of SignPdf.sign when the key is elsewhere (a USB token in the browser). */
class Prepared extends Error {
  constructor(readonly signedAttrs: Buffer) {
    super('prepared');
  }
}

/**
 * First half of an external signature: the PDF with its placeholder and the signed attributes whose
 * SHA-256 the token must sign. The placeholder PDF and the attributes are deterministic, so
 * completeExternalSignature later fills the same byte range.
 */
export async function prepareExternalSignature(pdf: Buffer, signerCertDer: Buffer, o: PadesOptions): Promise<{ placeholderPdf: Buffer; signedAttrs: Buffer; hashToSign: Buffer }> {
  return prepareExternalOn(withPlaceholder(pdf, o), signerCertDer, o);
}

/** As prepareExternalSignature, for a PDF made with its placeholder (the widget on the signer block). */
export async function prepareExternalOn(
  placeholderPdf: Buffer,
  signerCertDer: Buffer,
  o: Pick<PadesOptions, 'signingTime'>,
): Promise<{ placeholderPdf: Buffer; signedAttrs: Buffer; hashToSign: Buffer }> {
  const capture = new (class extends Signer {
    override async sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
      const digest = createHash('sha256').update(content).digest();
      throw new Prepared(signedAttributes(digest, signingTime ?? o.signingTime, signerCertDer));
    }
  })();
  try {
    await new SignPdf().sign(placeholderPdf, capture, o.signingTime);
  } catch (e) {
    if (e instanceof Prepared) return { placeholderPdf, signedAttrs: e.signedAttrs, hashToSign: createHash('sha256').update(e.signedAttrs).digest() };
    throw e;
  }
  throw new Error('unreachable: the capturing signer always throws');
}

/** Second half: the token's raw signature over hashToSign, assembled into the CMS and embedded. */
export async function completeExternalSignature(placeholderPdf: Buffer, signedAttrs: Buffer, signature: Buffer, certificates: Buffer[], signingTime: Date): Promise<Buffer> {
  const embed = new (class extends Signer {
    override async sign(): Promise<Buffer> {
      return assembleCms(signedAttrs, signature, certificates);
    }
  })();
  return new SignPdf().sign(placeholderPdf, embed, signingTime);
}

function withPlaceholder(pdf: Buffer, o: PadesOptions): Buffer {
  return plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: ascii(o.reason),
    contactInfo: '',
    name: ascii(o.name),
    location: ascii(o.location),
    signingTime: o.signingTime,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'BaoCaoBDG',
  });
}
