/**
 * CMS SignedData (RFC 5652) for PAdES baseline B-B (ETSI EN 319 142-1, SubFilter ETSI.CAdES.detached),
 * built with node-forge's ASN.1 so that the private key may live anywhere: the signed attributes are
 * hashed here, the hash goes to a provider (local key, PKCS#12, a remote CSC service, a USB token),
 * and the raw RSA signature comes back to be assembled. SET OF is DER-sorted, as verifiers re-encode it.
 */
import { createHash } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
};

type Node = forge.asn1.Asn1;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;
const bytes = (b: Buffer): string => b.toString('binary');
const seq = (v: Node[]): Node => asn1.create(U, T.SEQUENCE, true, v);
const set = (v: Node[]): Node => asn1.create(U, T.SET, true, v);
const oid = (o: string): Node => asn1.create(U, T.OID, false, asn1.oidToDer(o).getBytes());
const octets = (b: Buffer): Node => asn1.create(U, T.OCTETSTRING, false, bytes(b));
const nul = (): Node => asn1.create(U, T.NULL, false, '');
const int = (n: number): Node => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const der = (n: Node): Buffer => Buffer.from(asn1.toDer(n).getBytes(), 'binary');
const algorithm = (o: string): Node => seq([oid(o), nul()]);

/** DER SET OF: elements ordered by their encodings (X.690 11.6). */
function sortedSet(items: Node[]): Node {
  const encoded = items.map((n) => ({ n, d: der(n) }));
  encoded.sort((a, b) => Buffer.compare(a.d, b.d));
  return set(encoded.map((e) => e.n));
}

function attribute(type: string, value: Node): Node {
  return seq([oid(type), set([value])]);
}

function utcTime(d: Date): Node {
  return asn1.create(U, T.UTCTIME, false, asn1.dateToUtcTime(d));
}

/** The signed attributes' SET (tag 0x31), whose SHA-256 is what the private key signs. */
export function signedAttributes(contentDigest: Buffer, signingTime: Date, signerCertDer: Buffer): Buffer {
  const certHash = createHash('sha256').update(signerCertDer).digest();
  const attrs = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.signingTime, utcTime(signingTime)),
    attribute(OID.messageDigest, octets(contentDigest)),
    // ESS signing-certificate-v2 (RFC 5035): required by PAdES, binds the signature to the certificate.
    attribute(OID.signingCertificateV2, seq([seq([seq([octets(certHash)])])])),
  ];
  return der(sortedSet(attrs));
}

/** Issuer and serial number of a certificate, read from its TBSCertificate. */
function issuerAndSerial(certDer: Buffer): Node {
  const cert = asn1.fromDer(bytes(certDer));
  const tbs = (cert.value as Node[])[0]!;
  const parts = tbs.value as Node[];
  // v3 certificates start with the [0] EXPLICIT version.
  const offset = parts[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return seq([parts[offset + 2]!, parts[offset]!]);
}

/**
 * Assembles the detached CMS SignedData from the signed attributes (as hashed), the raw RSA
 * PKCS#1 v1.5 signature over them and the certificates (signer's first, then its chain).
 */
export function assembleCms(signedAttrsDer: Buffer, signature: Buffer, certificatesDer: Buffer[]): Buffer {
  const attrsSet = asn1.fromDer(bytes(signedAttrsDer));
  // In the SignerInfo the same SET is tagged [0] IMPLICIT.
  const attrsImplicit = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attrsSet.value as Node[]);
  const signerInfo = seq([
    int(1),
    issuerAndSerial(certificatesDer[0]!),
    algorithm(OID.sha256),
    attrsImplicit,
    algorithm(OID.rsaEncryption),
    octets(signature),
  ]);
  const certs = asn1.create(
    asn1.Class.CONTEXT_SPECIFIC,
    0,
    true,
    certificatesDer.map((c) => asn1.fromDer(bytes(c))),
  );
  const signedData = seq([int(1), set([algorithm(OID.sha256)]), seq([oid(OID.data)]), certs, set([signerInfo])]);
  const contentInfo = seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]);
  return der(contentInfo);
}

/** DigestInfo prefix of SHA-256 (RFC 8017 9.2): what an RSA PKCS#1 v1.5 signature wraps around the hash. */
export const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

export const CMS_OID = OID;
