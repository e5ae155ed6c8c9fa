import { Injectable, Logger } from '@nestjs/common';
import type { FlowSummary, FlowVersion, Page } from '@bdg/api-types';
import { type FlowDefinition, lintFlow, simulate, upgradeFlow } from '@bdg/workflows';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/current-user.js';
import { canRead } from '../common/access.js';
import type { PageQuery } from '../common/paging.js';
import { forbidden, unprocessable } from '../common/errors.js';
import { readWorkspaceJson } from '../common/pure-files.js';
import { type LifecycleTexts, VersionedLifecycle } from '../common/versioned-lifecycle.js';
import type { FlowVersionEntity } from './flow-version.entity.js';
import { RolesService } from '../roles/roles.service.js';
import { findingsToDetails } from '../templates/templates.service.js';
import type { SaveFlowVersionDto } from './flows.dto.js';
import { FlowsRepository, type FlowVersionRow } from './flows.repository.js';

const TEXTS: LifecycleTexts = {
  entity: 'flow_version',
  noun: 'quy trình',
  notFound: 'Không tìm thấy quy trình hoặc phiên bản này.',
  readOnly: 'Bạn chỉ có thể dùng quy trình của đơn vị cấp trên, không thể sửa.',
  foreignCode: 'Quy trình này thuộc đơn vị cấp trên; hãy sao chép sang mã mới để chỉnh sửa.',
  alreadyPublished: 'Phiên bản quy trình này đã được ban hành trước đó.',
  editPublished: 'Phiên bản quy trình đã ban hành không thể sửa.',
  seedLock: 'seed-flows',
};

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
export class FlowsService extends VersionedLifecycle<FlowVersionEntity> {
  protected readonly log = new Logger('Flows');
  protected readonly texts = TEXTS;
  constructor(
    protected readonly repo: FlowsRepository,
    protected readonly audit: AuditService,
    private readonly roles: RolesService,
  ) {
    super();
  }

  list(user: AuthUser, q: PageQuery): Promise<Page<FlowSummary<Date>>> {
    return this.summaries(user, q, (f) => ({
      version: f.version,
      status: f.status,
      publishedAt: f.publishedAt,
    }));
  }

  async get(user: AuthUser, code: string, version: number) {
    return toView(await this.readable(user, code, version));
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
    const warnings = lintFlow(machine, { roles: await this.roles.forLint(ownerPath) }).filter(
      (f) => f.severity === 'warning',
    );
    const meta = (machine.meta ?? {}) as { label?: string };
    const title = dto.title ?? meta.label ?? existing.at(-1)?.title ?? code;
    return { ...toView(await this.createVersion(user, code, () => ({ title, machine }))), warnings };
  }

  async publish(user: AuthUser, code: string, version: number) {
    const f = await this.writable(user, code, version);
    const warnings = lintFlow(f.machine, { roles: await this.roles.forLint(f.ownerPath) }).filter(
      (x) => x.severity === 'warning',
    );
    return {
      ...toView(await this.publishVersion(user, f, () => this.refuseLintErrors(f.machine))),
      warnings,
    };
  }

  private refuseLintErrors(machine: unknown) {
    const findings = lintFlow(machine);
    const errors = findings.filter((f) => f.severity === 'error');
    if (errors.length)
      throw unprocessable(
        `Quy trình còn ${errors.length} lỗi: ${errors
          .slice(0, 3)
          .map((e) => e.message)
          .join(' ')}`,
        findingsToDetails(findings, 'Quy trình'),
      );
  }

  /** Files in workflows/flows become published versions owned by the root, once. */
  seedFromFiles(rootUnitId: string) {
    const files = readWorkspaceJson('@bdg/workflows', 'flows') as (FlowDefinition & { version?: number })[];
    return this.seedVersions(
      rootUnitId,
      files.map((f) => ({
        code: f.id,
        version: f.version ?? 1,
        problem: () => (lintFlow(f).some((x) => x.severity === 'error') ? 'có lỗi kiểm tra' : null),
        fields: { title: f.meta?.label ?? f.id, machine: f as unknown as Record<string, unknown> },
      })),
    );
  }
}
