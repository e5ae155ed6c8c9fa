import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { submissionQueries } from '../submissions/submission-queries.js';
import { orgQueries } from '../org/org-queries.js';

export interface OfficialPdfRow {
  id: string;
  seq: number;
  kind: 'signer' | 'seal';
  contentHash: string;
  provider: string;
  signerName: string;
  signedAt: Date;
  testOnly: boolean;
  sha256: string;
  createdAt: Date;
}

const cols = `id, seq, kind, content_hash AS "contentHash", provider, signer_name AS "signerName", signed_at AS "signedAt",
  test_only AS "testOnly", sha256, created_at AS "createdAt"`;

/** The official signed PDFs of a submission: append-only (a trigger refuses UPDATE and DELETE). */
@Injectable()
export class OfficialRecordRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The latest signed revision for this signed content, with its bytes. */
  async latest(submissionId: string, contentHash: string, m: EntityManager = this.db.manager): Promise<(OfficialPdfRow & { pdf: Buffer }) | null> {
    const rows = await m.query(
      `SELECT ${cols}, pdf FROM official_pdf WHERE submission_id = $1 AND content_hash = $2 ORDER BY seq DESC LIMIT 1`,
      [submissionId, contentHash],
    );
    return rows[0] ?? null;
  }

  async list(submissionId: string): Promise<OfficialPdfRow[]> {
    return this.db.query(`SELECT ${cols} FROM official_pdf WHERE submission_id = $1 ORDER BY seq`, [submissionId]);
  }

  async insert(
    m: EntityManager,
    r: { submissionId: string; kind: 'signer' | 'seal'; contentHash: string; provider: string; signerName: string; signedBy: string | null; signedAt: Date; testOnly: boolean; pdf: Buffer; sha256: string },
  ): Promise<void> {
    await m.query(
      `INSERT INTO official_pdf (submission_id, seq, kind, content_hash, provider, signer_name, signed_by, signed_at, test_only, pdf, sha256)
       SELECT $1, COALESCE(max(seq), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10 FROM official_pdf WHERE submission_id = $1`,
      [r.submissionId, r.kind, r.contentHash, r.provider, r.signerName, r.signedBy, r.signedAt, r.testOnly, r.pdf, r.sha256],
    );
  }

  async insertPending(
    m: EntityManager,
    r: { submissionId: string; contentHash: string; signerName: string; signedBy: string; signedAt: Date; placeholderPdf: Buffer; signedAttrs: Buffer; certificates: string[] },
  ): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO pending_pdf_signature (submission_id, content_hash, signer_name, signed_by, signed_at, placeholder_pdf, signed_attrs, certificates)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) RETURNING id`,
      [r.submissionId, r.contentHash, r.signerName, r.signedBy, r.signedAt, r.placeholderPdf, r.signedAttrs, JSON.stringify(r.certificates)],
    );
    return rows[0]!.id;
  }

  /** Takes a pending signature (deleting it): it completes once. */
  async takePending(m: EntityManager, id: string, submissionId: string) {
    const rows = await m.query(
      `DELETE FROM pending_pdf_signature WHERE id = $1 AND submission_id = $2
       RETURNING content_hash AS "contentHash", signer_name AS "signerName", signed_by AS "signedBy", signed_at AS "signedAt",
                 placeholder_pdf AS "placeholderPdf", signed_attrs AS "signedAttrs", certificates`,
      [id, submissionId],
    );
    // TypeORM answers a DELETE … RETURNING with [rows, count].
    const list = Array.isArray(rows[0]) ? rows[0] : rows;
    return (list[0] ?? null) as {
      contentHash: string;
      signerName: string;
      signedBy: string;
      signedAt: Date;
      placeholderPdf: Buffer;
      signedAttrs: Buffer;
      certificates: string[];
    } | null;
  }

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** Unit codes from the unit up to the root: the nearest configured signing provider wins. */
  async unitCodesUp(unitId: string): Promise<string[]> {
    const rows: { code: string }[] = await this.db.query(
      `SELECT a.code FROM ${orgQueries.units} o JOIN ${orgQueries.units} a ON o.path <@ a.path WHERE o.id = $1 ORDER BY nlevel(a.path) DESC`,
      [unitId],
    );
    return rows.map((r) => r.code);
  }

  /** A submission whose signed content carries this integrity code (for a PDF received by e-mail). */
  async submissionBySignedHash(hash: string): Promise<{ id: string; unitName: string } | null> {
    const rows = await this.db.query(
      `SELECT s.id, o.name AS "unitName" FROM ${submissionQueries.rows} s JOIN ${orgQueries.units} o ON o.id = s.unit_id WHERE s.signature->>'hash' = $1 LIMIT 1`,
      [hash],
    );
    return rows[0] ?? null;
  }
}
