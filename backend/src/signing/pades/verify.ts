/**
 * Verification of every PAdES signature in a PDF: the byte range, the CMS signature over the signed
 * attributes, the message digest against the signed bytes, and the certificate chain up to a
 * configured trust anchor. Pure (no database): the caller compares the integrity code with its data.
 */
import { createHash, verify as rsaVerify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { CMS_OID } from './cms.js';
import type { PdfSignatureReport } from '@bdg/api-types';

const { asn1 } = forge;
type Node = forge.asn1.Asn1;

export type SignatureReport = PdfSignatureReport;

const childrenOf = (n: Node): Node[] => (Array.isArray(n.value) ? (n.value as Node[]) : []);
const oidOf = (n: Node): string => asn1.derToOid(n.value as string);
const bin = (s: string): Buffer => Buffer.from(s, 'binary');

function findByteRanges(pdf: Buffer): [number, number, number, number][] {
  const text = pdf.toString('latin1');
  const out: [number, number, number, number][] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g))
    out.push([Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])]);
  return out;
}

function dictString(pdf: Buffer, contentsStart: number, contentsEnd: number, key: string): string | null {
  // The signature dictionary's other keys sit just before and just after its /Contents.
  const win = pdf.toString('latin1', Math.max(0, contentsStart - 1500), contentsStart) + pdf.toString('latin1', contentsEnd, contentsEnd + 1500);
  const m = new RegExp(`/${key}\\s*\\(([^)]*)\\)`).exec(win);
  return m ? m[1]! : null;
}

interface ParsedCms {
  signedAttrsDer: Buffer;
  messageDigest: Buffer | null;
  signingTime: Date | null;
  signature: Buffer;
  certificates: X509Certificate[];
}

function parseCms(der: Buffer): ParsedCms {
  const ci = asn1.fromDer(der.toString('binary'), { parseAllBytes: false, strict: false } as never);
  const sd = childrenOf(childrenOf(ci)[1]!)[0]!;
  const parts = childrenOf(sd);
  const certSet = parts.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const certificates = certSet ? childrenOf(certSet).map((c) => new X509Certificate(bin(asn1.toDer(c).getBytes()))) : [];
  const signerInfo = childrenOf(parts[parts.length - 1]!)[0]!;
  const si = childrenOf(signerInfo);
  const attrsNode = si.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0)!;
  // What was signed is the SET OF (tag 0x31) with the same content as the [0] IMPLICIT field.
  const signedAttrsDer = bin(asn1.toDer(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, childrenOf(attrsNode))).getBytes());
  let messageDigest: Buffer | null = null;
  let signingTime: Date | null = null;
  for (const attr of childrenOf(attrsNode)) {
    const [type, values] = childrenOf(attr);
    const v = childrenOf(values!)[0]!;
    if (oidOf(type!) === CMS_OID.messageDigest) messageDigest = bin(v.value as string);
    if (oidOf(type!) === CMS_OID.signingTime)
      signingTime = v.type === asn1.Type.UTCTIME ? asn1.utcTimeToDate(v.value as string) : asn1.generalizedTimeToDate(v.value as string);
  }
  const signature = bin(si[si.length - 1]!.value as string);
  return { signedAttrsDer, messageDigest, signingTime, signature, certificates };
}

/** The signer's certificate: the one whose key verifies the signature (else the first). */
function signerCert(c: ParsedCms): X509Certificate | null {
  return c.certificates.find((x) => safeVerify(c, x)) ?? c.certificates[0] ?? null;
}

function safeVerify(c: ParsedCms, cert: X509Certificate): boolean {
  try {
    return rsaVerify('sha256', c.signedAttrsDer, cert.publicKey, c.signature);
  } catch {
    return false;
  }
}

/** Follows issuers through the embedded certificates up to one of the trust anchors. */
function chainsTo(leaf: X509Certificate, pool: X509Certificate[], anchors: X509Certificate[], at: Date): string | null {
  let cur = leaf;
  for (let depth = 0; depth < 6; depth++) {
    if (new Date(cur.validFrom) > at || new Date(cur.validTo) < at) return `Chứng thư số "${cur.subject}" không còn hiệu lực tại thời điểm ký.`;
    const anchor = anchors.find((a) => cur.checkIssued(a) && cur.verify(a.publicKey));
    if (anchor || anchors.some((a) => a.fingerprint256 === cur.fingerprint256)) return null;
    const next = pool.find((p) => p !== cur && cur.checkIssued(p) && cur.verify(p.publicKey));
    if (!next) return 'Chứng thư số không chuỗi được tới cơ quan chứng thực tin cậy đã cấu hình.';
    cur = next;
  }
  return 'Chuỗi chứng thư số quá dài.';
}

export function verifyPdfSignatures(pdf: Buffer, trustAnchorsPem: string[], testAnchorsPem: string[] = []): SignatureReport[] {
  const anchors = trustAnchorsPem.map((p) => new X509Certificate(p));
  const testAnchors = testAnchorsPem.map((p) => new X509Certificate(p));
  return findByteRanges(pdf).map((br, index) => {
    const problems: string[] = [];
    const [a, b, c, d] = br;
    const rangeOk = a === 0 && b > 0 && c > b && c + d <= pdf.length && pdf[b] === 0x3c && pdf[c - 1] === 0x3e;
    if (!rangeOk) problems.push('Vùng byte được ký (ByteRange) không hợp lệ.');
    const report: SignatureReport = {
      index: index + 1,
      name: dictString(pdf, b, c, 'Name'),
      subject: null,
      issuer: null,
      signingTime: null,
      reason: dictString(pdf, b, c, 'Reason'),
      contentHash: null,
      byteRange: br,
      covers: { bytes: b + d, ofBytes: pdf.length, wholeDocument: c + d === pdf.length },
      testOnly: false,
      checks: { byteRange: rangeOk, digest: false, signature: false, chain: false },
      valid: false,
      problems,
    };
    report.contentHash = /([0-9a-f]{64})/.exec(report.reason ?? '')?.[1] ?? null;
    if (!rangeOk) return report;
    let cms: ParsedCms;
    try {
      const hex = pdf.toString('latin1', b + 1, c - 1).replace(/(00)+$/, '');
      cms = parseCms(Buffer.from(hex.length % 2 ? hex + '0' : hex, 'hex'));
    } catch {
      problems.push('Không đọc được chữ ký CMS.');
      return report;
    }
    const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    report.checks.digest = !!cms.messageDigest && createHash('sha256').update(signed).digest().equals(cms.messageDigest);
    if (!report.checks.digest) problems.push('Nội dung tệp đã bị thay đổi sau khi ký (mã băm không khớp).');
    const cert = signerCert(cms);
    report.checks.signature = !!cert && safeVerify(cms, cert);
    if (!report.checks.signature) problems.push('Chữ ký CMS không đúng với chứng thư số kèm theo.');
    report.subject = cert?.subject.replace(/\n/g, ', ') ?? null;
    report.issuer = cert?.issuer.replace(/\n/g, ', ') ?? null;
    report.signingTime = cms.signingTime?.toISOString() ?? null;
    if (cert) {
      const at = cms.signingTime ?? new Date();
      const real = chainsTo(cert, cms.certificates, anchors, at);
      const test = real ? chainsTo(cert, cms.certificates, testAnchors, at) : real;
      report.testOnly = !!real && test === null;
      report.checks.chain = real === null || test === null;
      if (!report.checks.chain) problems.push(real!);
    }
    report.valid = Object.values(report.checks).every(Boolean);
    return report;
  });
}
