import { Injectable, Logger } from '@nestjs/common';
import type { Page, TemplateSummary, TemplateVersion, TemplateVersionHead } from '@bdg/api-types';
import { type Finding, type JsonSchema, lintTemplate, type TemplateVersionDoc } from '@bdg/schemas';
import { ValidationPool } from '../validation/validation-pool.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/current-user.js';
import { type PageQuery, pageArray, paging } from '../common/paging.js';
import { canEdit, canRead, refuseForeignCode } from '../common/access.js';
import { conflict, forbidden, notFound, unprocessable } from '../common/errors.js';
import { readWorkspaceJson } from '../common/pure-files.js';
import { VersionedReads } from '../common/versioned-reads.js';
import type { TemplateVersionEntity } from './template-version.entity.js';
import type { SaveTemplateVersionDto } from './templates.dto.js';
import { TemplatesRepository, type TemplateVersionRow } from './templates.repository.js';

const NOT_FOUND = 'Không tìm thấy mẫu báo cáo hoặc phiên bản này.';
const READ_ONLY = 'Mẫu báo cáo này thuộc đơn vị cấp trên; bạn chỉ có thể dùng, không thể sửa. Hãy nhân bản sang mã mới.';

/** The template file format (what lint reads) of a stored version. */
const docOf = (t: TemplateVersionRow) => ({
  code: t.code,
  version: t.version,
  title: t.title,
  periodKind: t.periodKind,
  schema: t.schema,
  uiSchema: t.uiSchema,
  document: t.document,
});

/** Lint findings as the 422 contract wants them: the path, what it is, and the Vietnamese message. */
export function findingsToDetails(findings: Finding[], subject: string) {
  return findings.map((f) => ({ path: f.path, title: subject, message: f.message, severity: f.severity }));
}

export function toView(t: TemplateVersionRow): TemplateVersion<Date>;
export function toView(t: TemplateVersionRow, withBody: false): TemplateVersionHead<Date>;
export function toView(t: TemplateVersionRow, withBody = true): TemplateVersionHead<Date> {
  return {
    id: t.id,
    code: t.code,
    version: t.version,
    title: t.title,
    periodKind: t.periodKind,
    status: t.status,
    ...(withBody ? { schema: t.schema, uiSchema: t.uiSchema, document: t.document } : {}),
    basedOn: t.basedOnCode && t.basedOnVersion !== null ? { code: t.basedOnCode, version: t.basedOnVersion } : null,
    ownerUnitId: t.ownerUnitId,
    createdAt: t.createdAt,
    publishedAt: t.publishedAt,
  };
}

@Injectable()
export class TemplatesService extends VersionedReads<TemplateVersionEntity> {
  private readonly log = new Logger('Templates');
  constructor(
    protected readonly repo: TemplatesRepository,
    private readonly audit: AuditService,
    private readonly bodies: ValidationPool,
  ) {
    super();
  }

  /** A subtree's templates are tens, whatever the country's size: paged in memory by the shared helper. */
  async list(user: AuthUser, q: PageQuery): Promise<Page<TemplateSummary<Date>>> {
    const p = paging(q, ['code', 'title']);
    const rows = (await this.repo.all()).filter((t) => canRead(user, t.ownerPath));
    const byCode = new Map<string, TemplateSummary<Date>>();
    for (const t of rows) {
      const entry = byCode.get(t.code) ?? { code: t.code, title: t.title, ownerUnitId: t.ownerUnitId, versions: [] };
      entry.title = t.title;
      entry.versions.push({ version: t.version, status: t.status, title: t.title, publishedAt: t.publishedAt });
      byCode.set(t.code, entry);
    }
    return pageArray([...byCode.values()], p, { text: (t) => `${t.code} ${t.title}`, sortBy: { code: (t) => t.code, title: (t) => t.title } });
  }

  async versions(user: AuthUser, code: string) {
    const rows = (await this.repo.byCode(code)).filter((t) => canRead(user, t.ownerPath));
    if (!rows.length) throw notFound(NOT_FOUND);
    return rows.map((t) => toView(t, false));
  }

  async get(user: AuthUser, code: string, version: number) {
    const t = await this.repo.one(code, version);
    if (!t || !canRead(user, t.ownerPath)) throw notFound(NOT_FOUND);
    return toView(t);
  }

  /** A new draft version: from scratch, or cloned from `basedOn` (the admin's yearly routine). */
  async createDraft(user: AuthUser, code: string, dto: SaveTemplateVersionDto) {
    if (!user.roles.includes('admin')) throw forbidden('Chỉ quản trị viên mới được tạo mẫu báo cáo.');
    const existing = (await this.repo.byCode(code)).filter((t) => canRead(user, t.ownerPath));
    let base: TemplateVersionRow | null = null;
    if (dto.basedOn) {
      base = await this.repo.one(dto.basedOn.code, dto.basedOn.version);
      if (!base || !canRead(user, base.ownerPath)) throw notFound('Không tìm thấy phiên bản gốc để nhân bản.');
    }
    // The API's body is {schema, uiSchema, basedOn?} (docs/api-shapes.md): the schema's own title names the template.
    const schemaTitle = typeof dto.schema.title === 'string' && dto.schema.title.trim() !== '' ? dto.schema.title.trim() : undefined;
    const title = dto.title ?? schemaTitle ?? base?.title ?? existing.at(-1)?.title;
    const periodKind = dto.periodKind ?? base?.periodKind ?? existing.at(-1)?.periodKind ?? 'nam';
    if (!title) throw unprocessable('Trường "Tiêu đề" là bắt buộc.', [{ path: 'title', title: 'Tiêu đề', message: 'Trường "Tiêu đề" là bắt buộc.' }]);
    return this.repo.transaction(async (m) => {
      const owner = await this.repo.claimCode(m, code, user.unitId);
      refuseForeignCode(user, owner, code, 'mẫu báo cáo', READ_ONLY);
      const version = await this.repo.nextVersion(m, code);
      const doc = {
        code,
        version,
        title,
        periodKind,
        schema: dto.schema,
        uiSchema: dto.uiSchema ?? base?.uiSchema ?? {},
        document: dto.document ?? base?.document ?? {},
      };
      await this.refuseLintErrors(doc);
      const saved = await this.repo.save(m, {
        ...doc,
        status: 'draft',
        basedOnCode: base?.code ?? null,
        basedOnVersion: base?.version ?? null,
        ownerUnitId: owner.ownerUnitId,
      });
      await this.audit.record(m, { actorId: user.id, action: 'create', entity: 'template_version', entityId: saved.id, detail: { code, version } });
      return toView((await this.repo.byId(saved.id, m))!);
    });
  }

  async updateDraft(user: AuthUser, code: string, version: number, dto: SaveTemplateVersionDto) {
    const t = await this.editable(user, code, version);
    return this.repo.transaction(async (m) => {
      const locked = await this.repo.lockForWrite(m, t.id);
      if (locked!.status === 'published') throw conflict('Phiên bản đã ban hành không thể sửa. Hãy nhân bản thành phiên bản mới.');
      const doc = {
        code,
        version,
        title: dto.title ?? t.title,
        periodKind: dto.periodKind ?? t.periodKind,
        schema: dto.schema,
        uiSchema: dto.uiSchema ?? t.uiSchema,
        document: dto.document ?? t.document,
      };
      await this.refuseLintErrors(doc);
      await this.repo.update(m, t.id, doc);
      await this.audit.record(m, { actorId: user.id, action: 'update', entity: 'template_version', entityId: t.id, detail: { code, version } });
      return toView((await this.repo.byId(t.id, m))!);
    });
  }

  async publish(user: AuthUser, code: string, version: number) {
    const t = await this.editable(user, code, version);
    return this.repo.transaction(async (m) => {
      const locked = await this.repo.lockForWrite(m, t.id);
      if (locked!.status === 'published') throw conflict('Phiên bản này đã được ban hành trước đó.');
      // no body here: the stored document's size decides where lint runs
      await this.refuseLintErrors(docOf(t), JSON.stringify(t.schema).length);
      await this.repo.update(m, t.id, { status: 'published', publishedAt: new Date() });
      await this.audit.record(m, { actorId: user.id, action: 'publish', entity: 'template_version', entityId: t.id, detail: { code, version } });
      return toView((await this.repo.byId(t.id, m))!);
    });
  }

  private async editable(user: AuthUser, code: string, version: number) {
    const t = await this.repo.one(code, version);
    if (!t || !canRead(user, t.ownerPath)) throw notFound(NOT_FOUND);
    if (!canEdit(user, t.ownerPath)) throw forbidden('Bạn chỉ có thể dùng mẫu báo cáo của đơn vị cấp trên, không thể sửa.');
    if (t.status === 'published') throw conflict('Phiên bản đã ban hành không thể sửa. Hãy nhân bản thành phiên bản mới.');
    return t;
  }

  private async refuseLintErrors(doc: object, bytes?: number) {
    const findings = await this.bodies.lint(doc, bytes);
    const errors = findings.filter((f) => f.severity === 'error');
    if (errors.length)
      throw unprocessable(
        `Mẫu báo cáo còn ${errors.length} lỗi: ${errors.slice(0, 3).map((e) => e.message).join(' ')}`,
        findingsToDetails(findings, 'Mẫu báo cáo'),
      );
  }

  /** Files in schemas/templates become published versions owned by the root, once. */
  async seedFromFiles(rootUnitId: string) {
    const files = readWorkspaceJson('@bdg/schemas', 'templates') as (TemplateVersionDoc & { schema: JsonSchema })[];
    await this.repo.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('seed-templates'))`);
      for (const f of files) {
        if (await this.repo.one(f.code, f.version, m)) continue;
        const owner = await this.repo.claimCode(m, f.code, rootUnitId);
        const errors = lintTemplate(f).filter((x) => x.severity === 'error');
        if (errors.length) {
          this.log.error(`Bỏ qua mẫu ${f.code} v${f.version}: ${errors.map((e) => e.message).join('; ')}`);
          continue;
        }
        await this.repo.save(m, {
          code: f.code,
          version: f.version,
          title: f.title,
          periodKind: f.periodKind,
          schema: f.schema as Record<string, unknown>,
          uiSchema: (f.uiSchema ?? {}) as Record<string, unknown>,
          document: (f.document ?? {}) as unknown as Record<string, unknown>,
          status: 'published',
          publishedAt: new Date(),
          ownerUnitId: owner.ownerUnitId,
        });
      }
    });
  }
}
