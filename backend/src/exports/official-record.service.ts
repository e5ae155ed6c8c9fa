import { createHash } from 'node:crypto';
import { BadGatewayException, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AuthUser } from '../common/current-user.js';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../common/errors.js';
import { addPadesSignature, completeExternalSignature, prepareExternalSignature } from '../signing/pades/pdf-sign.js';
import { type SignatureReport, verifyPdfSignatures } from '../signing/pades/verify.js';
import { SigningProviderError } from '../signing/providers/provider.js';
import { SigningHooks, type TransitionFacts } from '../signing/signing-hooks.js';
import { SigningProvidersService } from '../signing/signing-providers.service.js';
import { IntegrityService } from '../submissions/integrity.service.js';
import type { SubmissionRow } from '../submissions/submissions.repository.js';
import { ExportsService } from './exports.service.js';
import { OfficialRecordRepository } from './official-record.repository.js';

/** ISO 8601 in Vietnam's time, as shown on the signature: 2026-11-28T10:15:00+07:00. */
export function isoVietnam(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

/**
 * The official record of a submission: at SIGN the PDF is rendered from the signed content with the
 * visible signature and signed (PAdES) by the competent person; when the flow reaches a final state
 * the agency seals it as an incremental update. Each revision is stored, never changed.
 */
@Injectable()
export class OfficialRecordService implements OnModuleInit {
  constructor(
    private readonly hooks: SigningHooks,
    private readonly providers: SigningProvidersService,
    private readonly exports: ExportsService,
    private readonly repo: OfficialRecordRepository,
    private readonly integrity: IntegrityService,
  ) {}

  onModuleInit() {
    this.hooks.register((f) => this.onTransition(f));
  }

  private async onTransition(f: TransitionFacts): Promise<void> {
    const row = f.row as SubmissionRow;
    if (!row.signature) return;
    try {
      if (f.signed) await this.signAsSigner(f, row);
      if (f.becameFinal) await this.seal(f, row);
    } catch (e) {
      if (e instanceof SigningProviderError) throw new BadGatewayException({ statusCode: 502, error: 'Bad Gateway', message: `Không ký số được văn bản: ${e.message}` });
      throw e;
    }
  }

  private async signAsSigner(f: TransitionFacts, row: SubmissionRow) {
    const provider = await this.providers.forUnit(await this.repo.unitCodesUp(row.unitId));
    // A USB token signs in the signer's browser afterwards (prepare → plugin → complete).
    if (provider.kind === 'browser-token') return;
    const signedAt = new Date(Math.floor(f.at.getTime() / 1000) * 1000);
    const file = await this.exports.render(row, 'pdf', undefined, { signerName: f.actor.fullName, signedAt: isoVietnam(signedAt), testOnly: provider.testOnly });
    const session = await provider.open({ purpose: 'signer', name: f.actor.fullName, unitName: row.unitName });
    const pdf = await addPadesSignature(file.content, session, {
      name: f.actor.fullName,
      reason: `Ky ban hanh; ma kiem tra toan ven ${row.signature!.hash}${provider.testOnly ? '; chu ky thu nghiem, khong co gia tri phap ly' : ''}`,
      location: row.unitName,
      signingTime: signedAt,
    });
    await this.store(f, row, 'signer', provider.kind, provider.testOnly, f.actor.fullName, f.actor.id, signedAt, pdf);
  }

  private async seal(f: TransitionFacts, row: SubmissionRow) {
    const last = await this.repo.latest(row.id, row.signature!.hash, f.m);
    if (!last) return;
    const provider = await this.providers.forUnit(await this.repo.unitCodesUp(row.unitId));
    // An agency seal is a server-held key; a unit signing with USB tokens seals with its own token later.
    if (provider.kind === 'browser-token') return;
    const signedAt = new Date(Math.floor(f.at.getTime() / 1000) * 1000);
    const session = await provider.open({ purpose: 'seal', name: row.unitName, unitName: row.unitName });
    const pdf = await addPadesSignature(last.pdf, session, {
      name: row.unitName,
      reason: `Dong dau co quan; ma kiem tra toan ven ${row.signature!.hash}${provider.testOnly ? '; chu ky thu nghiem, khong co gia tri phap ly' : ''}`,
      location: row.unitName,
      signingTime: signedAt,
    });
    await this.store(f, row, 'seal', provider.kind, provider.testOnly, row.unitName, f.actor.id, signedAt, pdf);
  }

  private async store(f: TransitionFacts, row: SubmissionRow, kind: 'signer' | 'seal', provider: string, testOnly: boolean, name: string, by: string, at: Date, pdf: Buffer) {
    await this.repo.insert(f.m, {
      submissionId: row.id,
      kind,
      contentHash: row.signature!.hash,
      provider,
      signerName: name,
      signedBy: by,
      signedAt: at,
      testOnly,
      pdf,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
  }

  /**
   * USB token, step 1: the signer's page sends the token's certificates; the server renders the signed
   * content with the visible signature, and answers the SHA-256 of the signed attributes to be signed.
   */
  async prepareBrowserSignature(user: AuthUser, id: string, certificatesB64: unknown) {
    const row = await this.exports.visible(user, id);
    if (!row.signature || row.signature.signedBy !== user.id) throw forbidden('Chỉ người đã ký báo cáo mới được ký số văn bản PDF của nó.');
    if ((await this.providers.forUnit(await this.repo.unitCodesUp(row.unitId))).kind !== 'browser-token')
      throw conflict('Đơn vị này không ký số bằng USB token trong trình duyệt.');
    if (await this.repo.latest(row.id, row.signature.hash)) throw conflict('Văn bản PDF đã được ký số.');
    const certs = Array.isArray(certificatesB64) ? certificatesB64.filter((c): c is string => typeof c === 'string' && /^[A-Za-z0-9+/=]+$/.test(c)) : [];
    if (!certs.length || certs.length > 5)
      throw unprocessable('Thiếu chứng thư số của USB token.', [{ path: 'certificates', title: 'Chứng thư số', message: 'Cần 1–5 chứng thư số (DER, base64), của người ký trước.' }]);
    const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const file = await this.exports.render(row, 'pdf', undefined, { signerName: user.fullName, signedAt: isoVietnam(signedAt), testOnly: false });
    const prepared = await prepareExternalSignature(file.content, Buffer.from(certs[0]!, 'base64'), {
      name: user.fullName,
      reason: `Ky ban hanh; ma kiem tra toan ven ${row.signature.hash}`,
      location: row.unitName,
      signingTime: signedAt,
    });
    const pendingId = await this.repo.transaction((m) =>
      this.repo.insertPending(m, {
        submissionId: row.id,
        contentHash: row.signature!.hash,
        signerName: user.fullName,
        signedBy: user.id,
        signedAt,
        placeholderPdf: prepared.placeholderPdf,
        signedAttrs: prepared.signedAttrs,
        certificates: certs,
      }),
    );
    return { pendingId, hashToSign: prepared.hashToSign.toString('base64'), hashAlgorithm: 'SHA-256', signatureAlgorithm: 'RSASSA-PKCS1-v1_5' };
  }

  /** USB token, step 2: the plugin's signature is assembled, embedded, verified, and stored as the official record. */
  async completeBrowserSignature(user: AuthUser, id: string, pendingId: unknown, signatureB64: unknown) {
    const row = await this.exports.visible(user, id);
    if (typeof pendingId !== 'string' || typeof signatureB64 !== 'string' || !signatureB64)
      throw unprocessable('Thiếu chữ ký từ USB token.', [{ path: 'signature', title: 'Chữ ký', message: 'Cần pendingId và chữ ký (base64).' }]);
    return this.repo.transaction(async (m) => {
      const p = await this.repo.takePending(m, pendingId, row.id);
      if (!p || p.signedBy !== user.id) throw notFound('Không tìm thấy yêu cầu ký đang chờ.');
      const certs = p.certificates.map((c) => Buffer.from(c, 'base64'));
      const pdf = await completeExternalSignature(p.placeholderPdf, p.signedAttrs, Buffer.from(signatureB64, 'base64'), certs, p.signedAt);
      const report = (await this.verify(pdf)).at(-1);
      if (!report?.valid) throw unprocessable(`Chữ ký từ USB token không hợp lệ: ${report?.problems.join(' ') ?? ''}`);
      await this.store({ m } as TransitionFacts, row, 'signer', 'browser-token', report.testOnly, p.signerName, user.id, p.signedAt, pdf);
      return { signatures: await this.verify(pdf) };
    });
  }

  /** Each signature of the submission's official PDF, verified, and whether it covers the data as stored now. */
  async signatures(user: AuthUser, id: string) {
    const row = await this.exports.visible(user, id);
    const current = (await this.integrity.signedContent(row))?.actual ?? null;
    const official = row.signature ? await this.repo.latest(row.id, row.signature.hash) : null;
    const stored = await this.repo.list(row.id);
    const reports = official ? await this.verify(official.pdf) : [];
    return {
      officialPdf: official ? { sha256: official.sha256, bytes: official.pdf.length, revisions: stored.filter((s) => s.contentHash === official.contentHash).length } : null,
      signatures: reports.map((r) => {
        const matches = r.contentHash !== null && r.contentHash === current;
        const problems = matches ? r.problems : [...r.problems, 'Mã kiểm tra toàn vẹn trong chữ ký không khớp dữ liệu đang lưu.'];
        return { ...r, kind: stored[r.index - 1]?.kind ?? null, provider: stored[r.index - 1]?.provider ?? null, matchesStoredData: matches, valid: r.valid && matches, problems };
      }),
    };
  }

  /** A PDF received by e-mail: its signatures, and the submission whose signed content it carries, if any. */
  async verifyUpload(file: Buffer | undefined) {
    if (!file?.length) throw badRequest('Chưa chọn tệp PDF (trường "file").');
    if (file.subarray(0, 5).toString('latin1') !== '%PDF-') throw badRequest('Tệp tải lên không phải PDF.');
    const reports = await this.verify(file);
    const hash = reports.find((r) => r.contentHash)?.contentHash ?? null;
    return { signatures: reports, submission: hash ? await this.repo.submissionBySignedHash(hash) : null };
  }

  private async verify(pdf: Buffer): Promise<SignatureReport[]> {
    return verifyPdfSignatures(pdf, this.providers.trustAnchors(), await this.providers.testAnchors());
  }
}
