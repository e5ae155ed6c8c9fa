import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/current-user.js';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../common/errors.js';
import { ascii, completeExternalSignature, prepareExternalOn, SIGNATURE_BYTES } from '../signing/pades/pdf-sign.js';
import { type SignatureReport, verifyPdfSignatures } from '../signing/pades/verify.js';
import { SigningProvidersService } from '../signing/signing-providers.service.js';
import { AppearanceService } from '../signing/appearance/appearance.service.js';
import { UsersService } from '../users/users.service.js';
import { IntegrityService } from '../submissions/integrity.service.js';
import { ExportsService } from './exports.service.js';
import { OfficialRecordRepository } from './official-record.repository.js';
import { dataFiles, isoVietnam, OfficialRecordSigner } from './official-record.signer.js';

/**
 * The official record of a submission: signed at SIGN and sealed at issue by OfficialRecordSigner; here the
 * USB-token signature made in the signer's browser, and the verification of stored and uploaded PDFs.
 */
@Injectable()
export class OfficialRecordService {
  constructor(
    private readonly providers: SigningProvidersService,
    private readonly exports: ExportsService,
    private readonly repo: OfficialRecordRepository,
    private readonly integrity: IntegrityService,
    private readonly appearance: AppearanceService,
    private readonly users: UsersService,
    private readonly signer: OfficialRecordSigner,
  ) {}

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
    const images = await this.appearance.images(user.id, row.unitId);
    const file = await this.exports.render(
      row,
      'pdf',
      undefined,
      { signerName: user.fullName, signedAt: isoVietnam(signedAt), testOnly: false, position: await this.users.position(user.id), unitName: row.unitName, imagePng: images.signature?.toString('base64') ?? null },
      {
        attachments: await dataFiles(this.exports, row),
        signatureField: { name: ascii(user.fullName), reason: `Ky ban hanh; ma kiem tra toan ven ${row.signature.hash}`, location: ascii(row.unitName), signingTime: signedAt, signatureLength: SIGNATURE_BYTES },
      },
    );
    const prepared = await prepareExternalOn(file.content, Buffer.from(certs[0]!, 'base64'), { signingTime: signedAt });
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
      await this.repo.insert(m, {
        submissionId: row.id,
        kind: 'signer',
        contentHash: row.signature!.hash,
        provider: 'browser-token',
        signerName: p.signerName,
        signedBy: user.id,
        signedAt: p.signedAt,
        testOnly: report.testOnly,
        pdf,
        sha256: createHash('sha256').update(pdf).digest('hex'),
      });
      // Already issued (a Sở publishing by SIGN, or accepted meanwhile): the agency seals now, in this transaction.
      const sealed = row.final ? await this.signer.sealAfterToken(m, row, pdf, user.id) : null;
      return { signatures: await this.verify(sealed ?? pdf) };
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
