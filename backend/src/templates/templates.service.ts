import { Injectable, Logger } from '@nestjs/common';
import type { Page, TemplateSummary, TemplateVersion, TemplateVersionHead } from '@bdg/api-types';
import { type Finding, type JsonSchema, lintTemplate, type TemplateVersionDoc } from '@bdg/schemas';
import { ValidationPool } from '../validation/validation-pool.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/current-user.js';
import type { PageQuery } from '../common/paging.js';
import { canRead } from '../common/access.js';
import { forbidden, notFound, unprocessable } from '../common/errors.js';
import { readWorkspaceJson } from '../common/pure-files.js';
import { type LifecycleTexts, VersionedLifecycle } from '../common/versioned-lifecycle.js';
import type { TemplateVersionEntity } from './template-version.entity.js';
import type { SaveTemplateVersionDto } from './templates.dto.js';
import { TemplatesRepository, type TemplateVersionRow } from './templates.repository.js';

const TEXTS: LifecycleTexts = {
  entity: 'template_version',
  noun: 'mẫu báo cáo',
  notFound: 'Không tìm thấy mẫu báo cáo hoặc phiên bản này.',
  readOnly: 'Bạn chỉ có thể dùng mẫu báo cáo của đơn vị cấp trên, không thể sửa.',
  foreignCode:
    'Mẫu báo cáo này thuộc đơn vị cấp trên; bạn chỉ có thể dùng, không thể sửa. Hãy nhân bản sang mã mới.',
  alreadyPublished: 'Phiên bản này đã được ban hành trước đó.',
  editPublished: 'Phiên bản đã ban hành không thể sửa. Hãy nhân bản thành phiên bản mới.',
  seedLock: 'seed-templates',
};

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
export class TemplatesService extends VersionedLifecycle<TemplateVersionEntity> {
  protected readonly log = new Logger('Templates');
  protected readonly texts = TEXTS;
  constructor(
    protected readonly repo: TemplatesRepository,
    protected readonly audit: AuditService,
    private readonly bodies: ValidationPool,
  ) {
    super();
  }

  list(user: AuthUser, q: PageQuery): Promise<Page<TemplateSummary<Date>>> {
    return this.summaries(user, q, (t) => ({
      version: t.version,
      status: t.status,
      title: t.title,
      publishedAt: t.publishedAt,
    }));
  }

  async versions(user: AuthUser, code: string) {
    return (await this.readableVersions(user, code)).map((t) => toView(t, false));
  }

  async get(user: AuthUser, code: string, version: number) {
    return toView(await this.readable(user, code, version));
  }

  /** A new draft version: from scratch, or cloned from `basedOn` (the admin's yearly routine). */
  async createDraft(user: AuthUser, code: string, dto: SaveTemplateVersionDto) {
    if (!user.roles.includes('admin')) throw forbidden('Chỉ quản trị viên mới được tạo mẫu báo cáo.');
    const existing = (await this.repo.byCode(code)).filter((t) => canRead(user, t.ownerPath));
    let base: TemplateVersionRow | null = null;
    if (dto.basedOn) {
      base = await this.repo.one(dto.basedOn.code, dto.basedOn.version);
      if (!base || !canRead(user, base.ownerPath))
        throw notFound('Không tìm thấy phiên bản gốc để nhân bản.');
    }
    // The API's body is {schema, uiSchema, basedOn?} (docs/api-shapes.md): the schema's own title names the template.
    const schemaTitle =
      typeof dto.schema.title === 'string' && dto.schema.title.trim() !== ''
        ? dto.schema.title.trim()
        : undefined;
    const title = dto.title ?? schemaTitle ?? base?.title ?? existing.at(-1)?.title;
    const periodKind = dto.periodKind ?? base?.periodKind ?? existing.at(-1)?.periodKind ?? 'nam';
    if (!title)
      throw unprocessable('Trường "Tiêu đề" là bắt buộc.', [
        { path: 'title', title: 'Tiêu đề', message: 'Trường "Tiêu đề" là bắt buộc.' },
      ]);
    const saved = await this.createVersion(user, code, async (version) => {
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
      return { ...doc, basedOnCode: base?.code ?? null, basedOnVersion: base?.version ?? null };
    });
    return toView(saved);
  }

  async updateDraft(user: AuthUser, code: string, version: number, dto: SaveTemplateVersionDto) {
    const t = await this.editableDraft(user, code, version);
    const doc = {
      code,
      version,
      title: dto.title ?? t.title,
      periodKind: dto.periodKind ?? t.periodKind,
      schema: dto.schema,
      uiSchema: dto.uiSchema ?? t.uiSchema,
      document: dto.document ?? t.document,
    };
    return toView(await this.updateVersion(user, t, doc, () => this.refuseLintErrors(doc)));
  }

  async publish(user: AuthUser, code: string, version: number) {
    const t = await this.editableDraft(user, code, version);
    // no body here: the stored document's size decides where lint runs
    return toView(
      await this.publishVersion(user, t, () =>
        this.refuseLintErrors(docOf(t), JSON.stringify(t.schema).length),
      ),
    );
  }

  private async refuseLintErrors(doc: object, bytes?: number) {
    const findings = await this.bodies.lint(doc, bytes);
    const errors = findings.filter((f) => f.severity === 'error');
    if (errors.length)
      throw unprocessable(
        `Mẫu báo cáo còn ${errors.length} lỗi: ${errors
          .slice(0, 3)
          .map((e) => e.message)
          .join(' ')}`,
        findingsToDetails(findings, 'Mẫu báo cáo'),
      );
  }

  /** Files in schemas/templates become published versions owned by the root, once. */
  seedFromFiles(rootUnitId: string) {
    const files = readWorkspaceJson('@bdg/schemas', 'templates') as (TemplateVersionDoc & {
      schema: JsonSchema;
    })[];
    return this.seedVersions(
      rootUnitId,
      files.map((f) => ({
        code: f.code,
        version: f.version,
        problem: () => {
          const errors = lintTemplate(f).filter((x) => x.severity === 'error');
          return errors.length ? errors.map((e) => e.message).join('; ') : null;
        },
        fields: {
          title: f.title,
          periodKind: f.periodKind,
          schema: f.schema as Record<string, unknown>,
          uiSchema: (f.uiSchema ?? {}) as Record<string, unknown>,
          document: (f.document ?? {}) as unknown as Record<string, unknown>,
        },
      })),
    );
  }
}
