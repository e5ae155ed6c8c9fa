import { createRollUp, type JsonSchema } from '@bdg/schemas';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { AuthUser } from '../common/current-user.js';
import { badRequest, conflict, notFound } from '../common/errors.js';
import { JOB, type ExportFormat, EXPORT_FORMATS, type ExportPayload } from '../jobs/job-names.js';
import type { JobContext } from '../jobs/jobs.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { DefinitionsService } from '../submissions/definitions.service.js';
import { CoverageService } from '../submissions/coverage.service.js';
import { IntegrityService } from '../submissions/integrity.service.js';
import type { SubmissionRow } from '../submissions/submissions.repository.js';
import { SubmissionsService } from '../submissions/submissions.service.js';
import { UsersService } from '../users/users.service.js';
import type { Letterhead } from '../org/org.repository.js';
import { OrgService } from '../org/org.service.js';
import { RoundsService } from '../rounds/rounds.service.js';
import { CompileService } from '../submissions/compile.service.js';
import type { DocumentInput, XlsxInput } from './render/index.js';
import type { FieldPlace, PdfExtras } from './render/pdf-signature-field.js';
import type { LaterSeal } from './render/seal-appearance.js';
import type { VisiblePlaceholderOptions } from '../signing/pades/visible-placeholder.js';
import { ExportPool } from './export-pool.js';
import { asciiSlug } from './content-disposition.js';
import { OfficialRecordRepository } from './official-record.repository.js';

export const MIME: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
  draft: boolean;
  warnings: string[];
}

/** Above this many units behind a consolidated report, the export runs as a job (202 + jobId). */
export function syncMaxUnits(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.EXPORT_SYNC_MAX_UNITS);
  return Number.isInteger(n) && n >= 0 ? n : 1000;
}

export function parseFormat(raw: unknown): ExportFormat {
  const f = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (!EXPORT_FORMATS.includes(f as ExportFormat)) {
    const shown = typeof raw === 'string' && raw.trim() ? `"${raw.trim().slice(0, 20)}"` : '(trống)';
    throw badRequest(`Định dạng xuất không hỗ trợ: ${shown}. Chọn một trong: docx, pdf, xlsx.`, [
      { path: 'format', title: 'Định dạng', message: 'Chỉ nhận docx, pdf hoặc xlsx.' },
    ]);
  }
  return f as ExportFormat;
}

/**
 * Official document (DOCX, PDF: Nghị định 30/2020 layout) and figures (XLSX) of a submission.
 * From the signed content when signed, else the current draft stamped "DỰ THẢO". Rendering always runs
 * in a worker thread (ExportPool) with a time and memory limit; small exports wait for it in the request,
 * a consolidation over many units (or ?async=1) runs as the `export` job.
 */
@Injectable()
export class ExportsService implements OnModuleInit {
  private readonly log = new Logger('Xuất văn bản');

  constructor(
    private readonly submissions: SubmissionsService,
    private readonly integrity: IntegrityService,
    private readonly defs: DefinitionsService,
    private readonly org: OrgService,
    private readonly rounds: RoundsService,
    private readonly compiler: CompileService,
    private readonly jobs: JobsService,
    private readonly users: UsersService,
    private readonly pool: ExportPool,
    private readonly official: OfficialRecordRepository,
    private readonly coverage: CoverageService,
  ) {}

  onModuleInit() {
    this.jobs.handle<ExportPayload>(JOB.export, (ctx) => this.runJob(ctx));
  }

  /** The submission as the user may see it: another subtree's does not exist (404), as in SubmissionsService. */
  visible(user: AuthUser, id: string): Promise<SubmissionRow> {
    return this.submissions.visible(user, id);
  }

  /** How many units stand behind a consolidated report (0 for a unit's own report). */
  unitsBehind(row: SubmissionRow): number {
    if (!row.compiled) return 0;
    const units = new Set<string>();
    for (const entries of Object.values(row.compiled.provenance ?? {})) {
      if (Array.isArray(entries)) for (const e of entries) if (e && typeof e.unitId === 'string') units.add(e.unitId);
    }
    return Math.max(units.size, row.compiled.included ?? 0);
  }

  isLarge(row: SubmissionRow): boolean {
    return this.unitsBehind(row) > syncMaxUnits();
  }

  async enqueue(user: AuthUser, row: SubmissionRow, format: ExportFormat): Promise<string> {
    return this.jobs.enqueue(JOB.export, { submissionId: row.id, format, userId: user.id } satisfies ExportPayload, { userId: user.id });
  }

  /**
   * `digital`: the visible appearance of the PAdES signature about to be added (the official record
   * renders the PDF with it). Without it, a signed submission's PDF is its stored official record.
   */
  async render(
    row: SubmissionRow,
    format: ExportFormat,
    progress: (p: number) => Promise<void> = async () => {},
    digital: DocumentInput['digitalSignature'] = null,
    pdfExtras?: PdfExtras,
  ): Promise<ExportedFile & { field?: FieldPlace | null }> {
    const template = await this.defs.template(row.templateVersionId);
    const flow = await this.defs.flow(row.flowVersionId);
    const compiledReport = row.compiled !== null || this.defs.isCompileFlow(flow);
    const schema = this.defs.schemaFor(template, compiledReport) as object;
    // A compiled report says in the document itself how many of its units it includes.
    const coverage = compiledReport ? await this.coverage.of(row) : null;
    const unit = await this.org.letterhead(row.unitId);
    if (!unit) throw notFound('Không tìm thấy đơn vị của báo cáo.');
    const signed = row.signature !== null && row.signature !== undefined;
    if (signed) {
      // An official document only from intact signed content.
      if (!(await this.integrity.signedContent(row))?.ok)
        throw conflict('Nội dung báo cáo đã bị thay đổi sau khi ký (mã băm không khớp chữ ký); không xuất văn bản chính thức.');
    }
    await progress(10);
    if (format === 'pdf' && signed && !digital) {
      // The signed PDF is the official record, immutable: export returns it as stored.
      const official = await this.official.latest(row.id, row.signature!.hash);
      if (official) return { fileName: `Báo cáo ${unit.code}.pdf`, mimeType: MIME.pdf, content: official.pdf, draft: false, warnings: [] };
    }
    const draft = !signed;
    const ext = format;
    const fileName = `Báo cáo ${unit.code}${draft ? ' (dự thảo)' : ''}.${ext}`;
    const safeName = `bao-cao-${asciiSlug(unit.code) || 'don-vi'}${draft ? '-du-thao' : ''}.${ext}`;
    let content: Buffer;
    let warnings: string[] = [];
    let field: FieldPlace | null = null;

    if (format === 'xlsx') {
      const input: XlsxInput = {
        title: template.title,
        schema,
        uiSchema: template.uiSchema,
        data: row.data,
        provenance: row.compiled ? await this.provenanceWithNames(await this.provenanceOf(row, template.schema)) : undefined,
        coverage,
      };
      await progress(30);
      ({ content } = await this.pool.render({ format, input }));
    } else {
      const input = { ...(await this.documentInput(row, template, schema, unit, draft)), digitalSignature: digital, coverage };
      await progress(30);
      const r = await this.pool.render({ format, input, pdf: format === 'pdf' ? pdfExtras : undefined });
      ({ content, warnings } = r);
      field = r.field ?? null;
    }
    if (warnings.length) this.log.warn(`${safeName}: ${warnings.join(' | ')}`);
    await progress(90);
    return { fileName, mimeType: MIME[format], content, draft, warnings, field };
  }

  /**
   * A later seal's placeholder over the stored signed PDF, its appearance drawn over the signer's (an
   * incremental update, rendered in the worker pool); @signpdf/signpdf then fills it.
   */
  async sealPlaceholder(pdf: Buffer, seal: LaterSeal, placeholder: VisiblePlaceholderOptions): Promise<Buffer> {
    return (await this.pool.render({ format: 'seal', pdf, seal, placeholder })).content;
  }

  private async documentInput(
    row: SubmissionRow,
    template: { code: string; version: number; title: string; uiSchema: object; document: Record<string, unknown> },
    schema: object,
    unit: Letterhead,
    draft: boolean,
  ): Promise<DocumentInput> {
    const doc = (template.document ?? {}) as NonNullable<DocumentInput['template']['document']>;
    const bindings: Record<string, unknown> = doc.bindings && typeof doc.bindings === 'object' ? (doc.bindings as Record<string, unknown>) : {};
    const at = (key: string): unknown => {
      const p = bindings[key];
      return typeof p === 'string' && p.startsWith('/') ? atPointer(row.data, p) : undefined;
    };
    const boundDate = parseDate(at('date'));
    const boundSigner = at('signerName');
    const signedAt = row.signature?.signedAt ? new Date(row.signature.signedAt) : null;
    // Number, date and signer come from the data (document.bindings); the signature fills what the data lacks.
    const date = draft ? (boundDate ?? new Date()) : (boundDate ?? signedAt ?? new Date());
    const position = row.signature?.signedBy ? await this.users.position(row.signature.signedBy) : null;
    const signer =
      typeof boundSigner === 'string' && boundSigner.trim()
        ? position
          ? { fullName: boundSigner.trim(), title: '', position }
          : null
        : row.signature?.signedByName
          ? { fullName: row.signature.signedByName, title: '', position }
          : null;
    return {
      template: { code: template.code, version: template.version, title: template.title, schema, uiSchema: template.uiSchema, document: doc },
      data: row.data,
      unit: {
        name: unit.name,
        parentName: unit.parentName,
        code: unit.code,
        governingBody: unit.governingBody,
        shortName: unit.shortName,
        headTitle: unit.headTitle,
        signAuthority: unit.signAuthority,
      },
      receivers: await this.receivers(row, unit),
      place: unit.placeName ?? unit.parentPlaceName ?? null,
      date,
      number: null,
      signer,
      draft,
      signatureHash: row.signature?.hash ?? null,
      period: await this.rounds.period(row.roundId),
    };
  }

  /**
   * Nơi nhận from the round: the unit this level reports to in the round ("để tổng hợp"); the round's
   * own root reports outside it, to its tree parent and its governing body ("để báo cáo").
   */
  private async receivers(row: SubmissionRow, unit: Letterhead): Promise<string[]> {
    // The round's fixed recipients (copied from its reporting regime) follow the receiving unit.
    const fixed = await this.rounds.recipients(row.roundId);
    if (row.parentUnitId) {
      const name = (await this.org.byId(row.parentUnitId))?.name ?? null;
      return [...(name ? [`${name} (để tổng hợp)`] : []), ...fixed];
    }
    return [...[unit.parentName, unit.governingBody].filter((n): n is string => !!n).map((n) => `${n} (để báo cáo)`), ...fixed];
  }

  /**
   * Stored provenance, or, for a large compile (provenanceInline false), the same roll-up run again
   * over the children it included.
   */
  private async provenanceOf(row: SubmissionRow, schema: JsonSchema): Promise<Record<string, { unitId: string; value: unknown }[]>> {
    const c = row.compiled!;
    if (c.provenanceInline !== false) return c.provenance ?? {};
    const rollUp = createRollUp(schema);
    for await (const batch of this.compiler.included(Object.keys(c.sources ?? {})))
      for (const k of batch) rollUp.add({ unitId: k.unitId, unitCode: k.unitCode, unitName: k.unitName, data: k.data, compiled: k.isCompiled });
    return rollUp.finish().provenance as Record<string, { unitId: string; value: unknown }[]>;
  }

  private async provenanceWithNames(provenance: Record<string, { unitId: string; value: unknown }[]>): Promise<XlsxInput['provenance']> {
    const ids = new Set<string>();
    for (const entries of Object.values(provenance ?? {})) if (Array.isArray(entries)) for (const e of entries) ids.add(e.unitId);
    const names = await this.org.namesByIds([...ids]);
    const out: NonNullable<XlsxInput['provenance']> = {};
    for (const [path, entries] of Object.entries(provenance ?? {})) {
      if (!Array.isArray(entries)) continue;
      out[path] = entries.map((e) => ({ unitId: e.unitId, unitCode: names.get(e.unitId)?.code, unitName: names.get(e.unitId)?.name, value: e.value }));
    }
    return out;
  }

  /** The `export` job: checks visibility again as the requester, renders once, stores the file under the job's id. */
  async runJob(ctx: JobContext<ExportPayload>) {
    const { submissionId, userId } = ctx.data;
    const format = parseFormat(ctx.data.format);
    const existing = await this.jobs.fileInfo(ctx.id);
    if (existing) return { ...existing, fileUrl: `/api/jobs/${ctx.id}/file` };
    const user = await this.users.authUser(userId);
    if (!user) throw notFound('Người yêu cầu xuất văn bản không còn hoạt động.');
    const row = await this.visible(user, submissionId);
    const started = Date.now();
    const f = await this.render(row, format, ctx.progress);
    await this.jobs.saveFile(ctx.id, row.id, format, { fileName: f.fileName, mimeType: f.mimeType, content: f.content });
    return {
      fileName: f.fileName,
      mimeType: f.mimeType,
      size: f.content.length,
      draft: f.draft,
      units: this.unitsBehind(row),
      renderMs: Date.now() - started,
      warnings: f.warnings,
      fileUrl: `/api/jobs/${ctx.id}/file`,
    };
  }
}

function atPointer(data: unknown, pointer: string): unknown {
  let cur: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** "2020-05-20" is a calendar day in Vietnam (noon there, so no time zone moves it). */
function parseDate(v: unknown): Date | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
  if (m) return new Date(`${m[1]}-${m[2]}-${m[3]}T12:00:00+07:00`);
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}
