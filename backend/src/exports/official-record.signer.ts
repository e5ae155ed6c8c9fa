import { createHash } from 'node:crypto';
import { eventOutcome } from '@bdg/workflows';
import { BadGatewayException, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApiException, conflict } from '../common/errors.js';
import { addPadesSignature, ascii, SIGNATURE_BYTES, signPlaceholder } from '../signing/pades/pdf-sign.js';
import { type SigningProvider, SigningProviderError } from '../signing/providers/provider.js';
import { type PrepareFacts, SigningHooks, type TransitionFacts } from '../signing/signing-hooks.js';
import { SigningProvidersService } from '../signing/signing-providers.service.js';
import { SigningService } from '../signing/signing.service.js';
import type { SignatureRecord } from '../submissions/submission.entity.js';
import { DefinitionsService } from '../submissions/definitions.service.js';
import type { SubmissionRow } from '../submissions/submissions.repository.js';
import { AppearanceService } from '../signing/appearance/appearance.service.js';
import { IntegrityService } from '../submissions/integrity.service.js';
import { UsersService } from '../users/users.service.js';
import { ExportsService, MIME } from './exports.service.js';
import type { PdfAttachment } from './render/pdf-signature-field.js';
import { OfficialRecordRepository } from './official-record.repository.js';

/** ISO 8601 in Vietnam's time, as shown on the signature: 2026-11-28T10:15:00+07:00. */
export function isoVietnam(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

/** The data file attached inside the official PDF (Nghị định 09/2019: a report goes with its data file). */
export const DATA_FILE_NAME = 'du-lieu-bao-cao.json';

interface SignedPdf {
  pdf: Buffer;
  signedAt: Date;
  provider: string;
  testOnly: boolean;
  name: string;
}

/** What `prepare` made before the transaction: linked to the transition by the content hash it signed. */
interface Prepared {
  contentHash: string;
  signerId: string;
  signer: SignedPdf | null;
  /** The seal over the signer's PDF (made here) or over the stored record (`baseSha256`). */
  seal: (SignedPdf & { baseSha256: string | null }) | null;
  /** Nothing to seal now: a USB-token head signs (and the seal follows) in the browser, no seal provider, or no signer's PDF yet. */
  sealSkipped: boolean;
}

/** The submission's data as the API answers it, with what identifies it, as the PDF's attached data file. */
export function dataFile(row: SubmissionRow) {
  const body = { submissionId: row.id, unit: { code: row.unitCode, name: row.unitName }, roundId: row.roundId, contentHash: row.signature?.hash ?? null, data: row.data };
  return { name: DATA_FILE_NAME, mimeType: 'application/json', description: 'Dữ liệu báo cáo (JSON)', content: Buffer.from(JSON.stringify(body, null, 2), 'utf8') };
}

/** The workbook attached next to the JSON: the working copy of the figures, covered by the signature like the rest. */
export const XLSX_FILE_NAME = 'so-lieu-bao-cao.xlsx';

/** The files attached inside the official PDF before it is signed: the data (JSON) and the figures (XLSX). */
export async function dataFiles(exports: ExportsService, row: SubmissionRow): Promise<PdfAttachment[]> {
  const xlsx = await exports.render(row, 'xlsx');
  return [dataFile(row), { name: XLSX_FILE_NAME, mimeType: MIME.xlsx, description: 'Số liệu báo cáo (Excel, bản làm việc)', content: xlsx.content }];
}

const BUSY = 'Báo cáo đang được xử lý bởi một thao tác khác. Vui lòng thử lại sau giây lát.';
const STALE = 'Báo cáo vừa thay đổi trong lúc ký số văn bản (mã kiểm tra toàn vẹn không khớp). Hãy tải lại báo cáo và ký lại.';
const second = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);

/** A provider that failed (a remote service down, a wrong PIN): 502 with its reason; anything else as it is. */
function providerFailure(e: unknown): unknown {
  if (e instanceof SigningProviderError) return new BadGatewayException({ statusCode: 502, error: 'Bad Gateway', message: `Không ký số được văn bản: ${e.message}` });
  return e;
}

/**
 * The official record at SIGN and at issue. Rendering and PAdES signing take seconds (a worker thread, a
 * remote service): they run in `prepare`, before the transition's transaction, from the content the
 * signer sees. The transaction then stores what was prepared only if the signature it records covers
 * that same content hash; otherwise it refuses (409) and nothing is half-done.
 */
@Injectable()
export class OfficialRecordSigner implements OnModuleInit {
  private readonly inflight = new Set<string>();

  constructor(
    private readonly hooks: SigningHooks,
    private readonly providers: SigningProvidersService,
    private readonly exports: ExportsService,
    private readonly integrity: IntegrityService,
    private readonly appearance: AppearanceService,
    private readonly users: UsersService,
    private readonly repo: OfficialRecordRepository,
    private readonly defs: DefinitionsService,
    private readonly signing: SigningService,
  ) {}

  onModuleInit() {
    this.hooks.register({ prepare: (f) => this.prepare(f), afterTransition: (f) => this.afterTransition(f) });
  }

  async prepare(f: PrepareFacts): Promise<Prepared | null> {
    let row: SubmissionRow;
    try {
      row = (f.row as SubmissionRow | undefined) ?? (await this.exports.visible(f.user, f.submissionId));
    } catch (e) {
      if (e instanceof ApiException) return null; // the transaction answers the same refusal
      throw e;
    }
    const outcome = eventOutcome(await this.defs.flow(row.flowVersionId), row.state, f.eventType);
    if (!outcome.signs && !outcome.reachesFinal) return null;
    // A burst of the same event (a double click, a retrying client) renders and signs once in this process:
    // while it is being prepared the same request is refused at once, as the row lock refuses it (409).
    const key = `${row.id}|${row.version}|${row.state}|${f.eventType}|${f.user.id}`;
    if (this.inflight.has(key)) throw conflict(BUSY);
    this.inflight.add(key);
    try {
      return await this.prepareRow(f, row, outcome);
    } finally {
      this.inflight.delete(key);
    }
  }

  private async prepareRow(f: PrepareFacts, row: SubmissionRow, outcome: { signs: boolean; reachesFinal: boolean }): Promise<Prepared | null> {
    if (!(await f.mayAct())) return null;
    const codes = await this.repo.unitCodesUp(row.unitId);
    const provider = await this.providers.forUnit(codes);
    const contentHash = outcome.signs ? await this.integrity.currentHash(row) : row.signature?.hash;
    if (!contentHash) return null;
    const out: Prepared = { contentHash, signerId: f.user.id, signer: null, seal: null, sealSkipped: false };
    // A USB token signs in the signer's browser afterwards (prepare → plugin → complete), which seals if final.
    if (provider.kind === 'browser-token' && outcome.signs) return { ...out, sealSkipped: true };
    const sealProvider = outcome.reachesFinal ? await this.providers.sealForUnit(codes) : null;
    if (outcome.reachesFinal && !sealProvider) return { ...out, sealSkipped: true }; // a USB-token unit with no seal configured
    try {
      const at = second(new Date());
      if (outcome.signs) {
        const signature: SignatureRecord = { hash: contentHash, signedBy: f.user.id, signedByName: f.user.fullName, role: 'head', unitId: f.user.unitId, signedAt: at.toISOString(), attachmentHashes: [] };
        out.signer = await this.signAsSigner({ ...row, signature }, provider, f.user, at, outcome.reachesFinal);
      }
      if (outcome.reachesFinal) {
        const base = out.signer ? { pdf: out.signer.pdf, sha256: null } : await this.repo.latest(row.id, contentHash);
        if (!base) return { ...out, sealSkipped: true };
        out.seal = { ...(await this.seal(row, sealProvider!, base.pdf, contentHash, at, !out.signer)), baseSha256: base.sha256 };
      }
    } catch (e) {
      throw providerFailure(e);
    }
    return out;
  }

  /**
   * A USB-token signature just stored on a report already final (issued at SIGN, or accepted meanwhile): the
   * agency seals it at once, in the caller's transaction, drawn in its own revision like any later seal,
   * when the unit has a seal provider. The sealed PDF, or null when nothing seals.
   */
  async sealAfterToken(m: EntityManager, row: SubmissionRow, signerPdf: Buffer, actorId: string): Promise<Buffer | null> {
    const provider = await this.providers.sealForUnit(await this.repo.unitCodesUp(row.unitId));
    if (!provider) return null;
    let sealed: SignedPdf;
    try {
      sealed = await this.seal(row, provider, signerPdf, row.signature!.hash, second(new Date()), true);
    } catch (e) {
      throw providerFailure(e);
    }
    await this.insertRecord(m, row, 'seal', sealed, actorId);
    return sealed.pdf;
  }

  /**
   * The PDF rendered from the content about to be signed, with the visible appearance (the signer's image,
   * the seal's when it follows at once), the data file attached, and the signature field on the signer block.
   */
  private async signAsSigner(row: SubmissionRow, provider: SigningProvider, user: PrepareFacts['user'], at: Date, sealFollows: boolean): Promise<SignedPdf> {
    const images = await this.appearance.images(user.id, row.unitId);
    const position = await this.users.position(user.id);
    const testNote = provider.testOnly ? '; chu ky thu nghiem, khong co gia tri phap ly' : '';
    const file = await this.exports.render(
      row,
      'pdf',
      undefined,
      {
        signerName: user.fullName,
        signedAt: isoVietnam(at),
        testOnly: provider.testOnly,
        position,
        unitName: row.unitName,
        imagePng: images.signature?.toString('base64') ?? null,
        seal: sealFollows ? { agencyName: row.unitName, imagePng: images.seal?.toString('base64') ?? null } : null,
      },
      {
        attachments: await dataFiles(this.exports, row),
        signatureField: {
          name: ascii(user.fullName),
          reason: `Ky ban hanh; ma kiem tra toan ven ${row.signature!.hash}${testNote}`,
          location: ascii(row.unitName),
          signingTime: at,
          signatureLength: SIGNATURE_BYTES,
        },
      },
    );
    const session = await provider.open({ purpose: 'signer', name: user.fullName, unitName: row.unitName });
    return { pdf: await signPlaceholder(file.content, session, at), signedAt: at, provider: provider.kind, testOnly: provider.testOnly, name: user.fullName };
  }

  /**
   * The agency's seal: a second PAdES signature, an incremental update over the signer's. Sealed in the
   * signer's step, the seal is already drawn in the signer block; sealed later, its appearance (the seal,
   * the agency, the time) is drawn in the update itself, so the signer's revision stays as signed.
   */
  private async seal(row: SubmissionRow, provider: SigningProvider, base: Buffer, contentHash: string, at: Date, later: boolean): Promise<SignedPdf> {
    const session = await provider.open({ purpose: 'seal', name: row.unitName, unitName: row.unitName });
    const o = {
      name: row.unitName,
      reason: `Dong dau co quan; ma kiem tra toan ven ${contentHash}${provider.testOnly ? '; chu ky thu nghiem, khong co gia tri phap ly' : ''}`,
      location: row.unitName,
      signingTime: at,
    };
    let pdf: Buffer;
    if (later) {
      const image = await this.appearance.sealImage(row.unitId);
      const seal = { agencyName: row.unitName, imagePng: image?.toString('base64') ?? null, signedAt: isoVietnam(at), testOnly: provider.testOnly };
      const placeholder = await this.exports.sealPlaceholder(base, seal, { name: ascii(o.name), reason: ascii(o.reason), location: ascii(o.location), signingTime: at, signatureLength: SIGNATURE_BYTES });
      pdf = await signPlaceholder(placeholder, session, at);
    } else pdf = await addPadesSignature(base, session, o);
    return { pdf, signedAt: at, provider: provider.kind, testOnly: provider.testOnly, name: row.unitName };
  }

  /** In the transition's transaction: stores what was prepared, if it is what the transition signed. */
  async afterTransition(f: TransitionFacts): Promise<void> {
    const row = f.row as SubmissionRow;
    if (!row.signature) return;
    const p = (f.prepared ?? null) as Prepared | null;
    if (p && p.contentHash !== row.signature.hash) throw conflict(STALE);
    if (f.signed) {
      if (p?.sealSkipped && !p.signer) return; // signed with a USB token in the browser afterwards
      if (!p?.signer || p.signerId !== f.actor.id) throw conflict(STALE);
      await this.store(f, row, 'signer', p.signer);
    }
    if (f.becameFinal) {
      if (p?.sealSkipped) return;
      if (!p?.seal) throw conflict(STALE);
      if (p.seal.baseSha256) {
        // The seal was made over the record stored then: it must still be the latest.
        const latest = await this.repo.latest(row.id, row.signature.hash, f.m);
        if (latest?.sha256 !== p.seal.baseSha256) throw conflict(STALE);
      }
      await this.store(f, row, 'seal', p.seal);
    }
  }

  private store(f: TransitionFacts, row: SubmissionRow, kind: 'signer' | 'seal', s: SignedPdf) {
    return this.insertRecord(f.m, row, kind, s, f.actor.id);
  }

  private async insertRecord(m: EntityManager, row: SubmissionRow, kind: 'signer' | 'seal', s: SignedPdf, signedBy: string) {
    await this.repo.insert(m, {
      submissionId: row.id,
      kind,
      contentHash: row.signature!.hash,
      provider: s.provider,
      signerName: s.name,
      signedBy,
      signedAt: s.signedAt,
      testOnly: s.testOnly,
      pdf: s.pdf,
      sha256: createHash('sha256').update(s.pdf).digest('hex'),
    });
  }
}
