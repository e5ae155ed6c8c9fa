/** Answers of actions (docs/api-shapes.md): integrity checks and the reviewer's bulk steps. */

/** `GET /api/submissions/:id/verify`: the signature against the stored content, and the log's hash chain. */
export interface VerifyResult {
  ok: boolean;
  signature: { ok: boolean; expected: string; actual: string } | null;
  log: { ok: boolean; brokenAt?: number | null; entries: number };
  problems: string[];
}

/** `POST /api/submissions/bulk-accept`: each item accepted with its own contentHash, or refused with the reason. */
export interface BulkAcceptResult {
  accepted: { id: string; unitName: string; state: string; stateLabel: string }[];
  refused: { index: number; id?: string; unitName: string | null; status: number; message: string }[];
}

/** `POST /api/submissions/:id/remind`: one unit reminded, and how many people the reminder reached. */
export interface RemindResult {
  submissionId: string;
  unitName: string;
  notified: number;
}

/** `POST /api/rounds/:id/remind-late`: whom a late report's reminder reached, and what was skipped. */
export interface RemindLateResult {
  reminded: RemindResult[];
  skipped: { submissionId: string; unitName: string; message: string }[];
}

/** One PAdES signature of a PDF as verified: byte range, CMS signature, digest and certificate chain. */
export interface PdfSignatureReport {
  index: number;
  /** Name in the signature dictionary and the signer certificate's subject. */
  name: string | null;
  subject: string | null;
  issuer: string | null;
  signingTime: string | null;
  reason: string | null;
  /** The integrity code (SHA-256 of the signed content) carried in /Reason, if any. */
  contentHash: string | null;
  byteRange: [number, number, number, number];
  /** Bytes of the file this signature covers, and whether that is the whole file (the last revision). */
  covers: { bytes: number; ofBytes: number; wholeDocument: boolean };
  testOnly: boolean;
  checks: { byteRange: boolean; digest: boolean; signature: boolean; chain: boolean };
  valid: boolean;
  /** Why not valid, in Vietnamese (empty when valid). */
  problems: string[];
}

/** A signature of a submission's official PDF, with what the product stored about it. */
export interface PdfSignature extends PdfSignatureReport {
  kind: 'signer' | 'seal' | null;
  provider: string | null;
  matchesStoredData: boolean;
}

/** `GET /api/submissions/:id/signatures`. */
export interface PdfSignatures {
  officialPdf: { sha256: string; bytes: number; revisions: number } | null;
  signatures: PdfSignature[];
}
