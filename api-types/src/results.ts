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

/** `POST /api/rounds/:id/remind-late`: whom a late report's reminder reached, and what was skipped. */
export interface RemindLateResult {
  reminded: { submissionId: string; unitName: string; notified: number }[];
  skipped: { submissionId: string; unitName: string; message: string }[];
}
