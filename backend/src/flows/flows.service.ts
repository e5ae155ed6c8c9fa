import { Injectable, Logger } from '@nestjs/common';
import type { FlowSummary, FlowVersion, Page } from '@bdg/api-types';
import { type FlowDefinition, lintFlow, simulate, upgradeFlow } from '@bdg/workflows';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/current-user.js';
import { type PageQuery, pageArray, paging } from '../common/paging.js';
import { canEdit, canRead, refuseForeignCode } from '../common/access.js';
import { conflict, forbidden, notFound, unprocessable } from '../common/errors.js';
import { readWorkspaceJson } from '../common/pure-files.js';
import { VersionedReads } from '../common/versioned-reads.js';
import type { FlowVersionEntity } from './flow-version.entity.js';
import { RolesService } from '../roles/roles.service.js';
import { findingsToDetails } from '../templates/templates.service.js';
import type { SaveFlowVersionDto } from './flows.dto.js';
import { FlowsRepository, type FlowVersionRow } from './flows.repository.js';

const NOT_FOUND = 'Không tìm thấy quy trình hoặc phiên bản này.';

function toView(f: FlowVersionRow): FlowVersion<Date>;
function toView(f: FlowVersionRow, withBody: false): Omit<FlowVersion<Date>, 'machine'>;
function toView(f: FlowVersionRow, withBody = true): Omit<FlowVersion<Date>, 'machine'> {
  return {
    id: f.id,
    code: f.code,
    version: f.version,
    title: f.title,
    status: f.status,
    // Older stored formats are shown upgraded (the builder edits tags), the stored row untouched.
    ...(withBody ? { machine: upgradeFlow(f.machine as unknown as FlowDefinition) } : {}),
    ownerUnitId: f.ownerUnitId,
    createdAt: f.createdAt,
    publishedAt: f.publishedAt,
  };
}

@Injectable()
export class FlowsService extends VersionedReads<FlowVersionEntity> {
  private readonly log = new Logger('Flows');
  constructor(
    protected readonly repo: FlowsRepository,
    private readonly audit: AuditService,
    private readonly roles: RolesService,
  ) {
    super();
  }

  /** A subtree's flows are tens, whatever the country's size: paged in memory by the shared helper. */
  async list(user: AuthUser, q: PageQuery): Promise<Page<FlowSummary<Date>>> {
    const p = paging(q, ['code', 'title']);
    const rows = (await this.repo.all()).filter((f) => canRead(user, f.ownerPath));
    const byCode = new Map<string, FlowSummary<Date>>();
    for (const f of rows) {
      const e = byCode.get(f.code) ?? { code: f.code, title: f.title, ownerUnitId: f.ownerUnitId, versions: [] };
      e.title = f.title;
      e.versions.push({ version: f.version, status: f.status, publishedAt: f.publishedAt });
      byCode.set(f.code, e);
    }
    return pageArray([...byCode.values()], p, { text: (f) => `${f.code} ${f.title}`, sortBy: { code: (f) => f.code, title: (f) => f.title } });
  }

  async get(user: AuthUser, code: string, version: number) {
    const f = await this.repo.one(code, version);
    if (!f || !canRead(user, f.ownerPath)) throw notFound(NOT_FOUND);
    return toView(f);
  }

  /** Lint (with the province's roles) and the paths an admin should see before publishing; nothing is stored. */
  async check(user: AuthUser, machine: unknown) {
    const findings = lintFlow(machine, { roles: await this.roles.forLint(user.unitPath) });
    const errors = findings.filter((f) => f.severity === 'error');
    return { findings, paths: errors.length ? [] : simulate(machine as FlowDefinition) };
  }

  async createDraft(user: AuthUser, code: string, dto: SaveFlowVersionDto) {
    if (!user.roles.includes('admin')) throw forbidden('Chỉ quản trị viên mới được tạo quy trình.');
    const existing = (await this.repo.byCode(code)).filter((f) => canRead(user, f.ownerPath));
    this.refuseLintErrors(dto.machine);
    // Stored in the current format: a definition written without tags gets the inferred ones, explicitly.
    const machine = upgradeFlow(dto.machine as FlowDefinition) as unknown as Record<string, unknown>;
    const ownerPath = existing[0]?.ownerPath ?? user.unitPath;
    const warnings = lintFlow(machine, { roles: await this.roles.forLint(ownerPath) }).filter((f) => f.severity === 'warning');
    const meta = (machine.meta ?? {}) as { label?: string };
    return this.repo.transaction(async (m) => {
      const owner = await this.repo.claimCode(m, code, user.unitId);
      refuseForeignCode(user, owner, code, 'quy trình', 'Quy trình này thuộc đơn vị cấp trên; hãy sao chép sang mã mới để chỉnh sửa.');
      const version = await this.repo.nextVersion(m, code);
      const saved = await this.repo.save(m, {
        code,
        version,
        title: dto.title ?? meta.label ?? existing.at(-1)?.title ?? code,
        machine,
        status: 'draft',
        ownerUnitId: owner.ownerUnitId,
      });
      await this.audit.record(m, { actorId: user.id, action: 'create', entity: 'flow_version', entityId: saved.id, detail: { code, version } });
      return { ...toView((await this.repo.byId(saved.id, m))!), warnings };
    });
  }

  async publish(user: AuthUser, code: string, version: number) {
    const f = await this.repo.one(code, version);
    if (!f || !canRead(user, f.ownerPath)) throw notFound(NOT_FOUND);
    if (!canEdit(user, f.ownerPath)) throw forbidden('Bạn chỉ có thể dùng quy trình của đơn vị cấp trên, không thể sửa.');
    return this.repo.transaction(async (m) => {
      const locked = await this.repo.lockForWrite(m, f.id);
      if (locked!.status === 'published') throw conflict('Phiên bản quy trình này đã được ban hành trước đó.');
      this.refuseLintErrors(f.machine);
      await this.repo.update(m, f.id, { status: 'published', publishedAt: new Date() });
      await this.audit.record(m, { actorId: user.id, action: 'publish', entity: 'flow_version', entityId: f.id, detail: { code, version } });
      const warnings = lintFlow(f.machine, { roles: await this.roles.forLint(f.ownerPath) }).filter((x) => x.severity === 'warning');
      return { ...toView((await this.repo.byId(f.id, m))!), warnings };
    });
  }

  private refuseLintErrors(machine: unknown) {
    const findings = lintFlow(machine);
    const errors = findings.filter((f) => f.severity === 'error');
    if (errors.length)
      throw unprocessable(
        `Quy trình còn ${errors.length} lỗi: ${errors.slice(0, 3).map((e) => e.message).join(' ')}`,
        findingsToDetails(findings, 'Quy trình'),
      );
  }

  /** Files in workflows/flows become published versions owned by the root, once. */
  async seedFromFiles(rootUnitId: string) {
    const files = readWorkspaceJson('@bdg/workflows', 'flows') as (FlowDefinition & { version?: number })[];
    await this.repo.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('seed-flows'))`);
      for (const f of files) {
        const version = f.version ?? 1;
        if (await this.repo.one(f.id, version, m)) continue;
        if (lintFlow(f).some((x) => x.severity === 'error')) {
          this.log.error(`Bỏ qua quy trình ${f.id}: có lỗi kiểm tra`);
          continue;
        }
        const owner = await this.repo.claimCode(m, f.id, rootUnitId);
        await this.repo.save(m, {
          code: f.id,
          version,
          title: f.meta?.label ?? f.id,
          machine: f as unknown as Record<string, unknown>,
          status: 'published',
          publishedAt: new Date(),
          ownerUnitId: owner.ownerUnitId,
        });
      }
    });
  }
}
