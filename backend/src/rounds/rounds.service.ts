import { Injectable } from '@nestjs/common';
import type { Page, Round } from '@bdg/api-types';
import { checkDeadlines, type DeadlineFinding, defaultCutOff, parsePeriod, vietnamDate } from '@bdg/regimes';
import { type FlowDefinition, upgradeFlow } from '@bdg/workflows';
import { AuditService } from '../audit/audit.service.js';
import { CalendarService } from '../calendar/calendar.service.js';
import type { AuthUser } from '../common/current-user.js';
import { type PageQuery, pageOf, paging } from '../common/paging.js';
import { canRead, isBelowOrSame } from '../common/access.js';
import { forbidden, notFound, unprocessable, type FieldProblem } from '../common/errors.js';
import { FlowsService } from '../flows/flows.service.js';
import { OrgService } from '../org/org.service.js';
import { UnitKindsService } from '../roles/unit-kinds.service.js';
import { TemplatesService } from '../templates/templates.service.js';
import type { OpenRoundDto, PreviewRoundDto } from './rounds.dto.js';
import { deadlineOf, deadlineProblem, largeRoundUnits, RoundOpeningService } from './round-opening.service.js';
import { ROUND_SORTS, RoundsRepository, type RoundView } from './rounds.repository.js';

export { deadlineOf, deadlineProblem };

@Injectable()
export class RoundsService {
  constructor(
    private readonly repo: RoundsRepository,
    private readonly org: OrgService,
    private readonly templates: TemplatesService,
    private readonly flows: FlowsService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly unitKinds: UnitKindsService,
    private readonly opening: RoundOpeningService,
  ) {}

  async list(user: AuthUser, q: PageQuery): Promise<Page<Round<Date>>> {
    const p = paging(q, Object.keys(ROUND_SORTS));
    const { rows, total } = await this.repo.page(user.unitPath, p);
    return pageOf(rows.map(toView), total, p);
  }

  /** The round's fixed recipients (nơi nhận, copied from its reporting regime), for documents. */
  async recipients(id: string): Promise<string[]> {
    return (await this.repo.byId(id))?.recipients ?? [];
  }

  /** The round's period ("2026"), for documents. */
  async period(id: string): Promise<string | null> {
    return (await this.repo.byId(id))?.period ?? null;
  }

  async get(user: AuthUser, id: string): Promise<RoundView> {
    const r = await this.repo.byId(id);
    if (!r || !(isBelowOrSame(user.unitPath, r.rootPath) || isBelowOrSame(r.rootPath, user.unitPath)))
      throw notFound('Không tìm thấy đợt báo cáo.');
    return r;
  }

  async preview(user: AuthUser, dto: PreviewRoundDto) {
    const root = await this.org.byId(dto.rootUnitId);
    if (!root || !isBelowOrSame(root.path, user.unitPath)) throw notFound('Không tìm thấy đơn vị gốc của đợt.');
    const byKind = await this.repo.countByKind(root.path, Object.keys(dto.flows));
    return { byKind, total: Object.values(byKind).reduce((a, b) => a + b, 0) };
  }

  /**
   * Deadlines must climb the tree (a parent level due strictly after its children): errors as
   * field problems; a deadline less than one working day after the period's cut-off is a warning.
   * The round wizard previews the same findings (POST /api/regimes/check-deadlines).
   */
  async deadlineFindings(rootPath: string, dto: Pick<OpenRoundDto, 'deadlines' | 'flows' | 'period'>): Promise<DeadlineFinding[]> {
    // The round's province may name its kinds (unit_kind_label): its messages use its words.
    const kindLabels = await this.unitKinds.labels(undefined, rootPath);
    const levels = Object.entries(dto.deadlines)
      .filter(([kind, d]) => kind in dto.flows && !deadlineProblem(d))
      .map(([kind, d]) => ({ kinds: [kind], label: `"${kindLabels[kind] ?? kind}"`, date: vietnamDate(new Date(deadlineOf(d)!)) }));
    const period = parsePeriod(dto.period);
    return checkDeadlines(levels, await this.org.kindEdges(rootPath), period ? defaultCutOff(period) : null, await this.calendar.calendar());
  }

  async open(user: AuthUser, dto: OpenRoundDto, regimeId?: string) {
    if (!user.roles.includes('admin')) throw forbidden('Chỉ quản trị viên mới được mở đợt báo cáo.');
    const root = await this.org.byId(dto.rootUnitId);
    if (!root || !isBelowOrSame(root.path, user.unitPath)) throw notFound('Không tìm thấy đơn vị gốc của đợt.');
    const { template, kinds, flowVersions, warnings } = await this.checkOpen(user, dto, root.path);

    const expected = await this.repo.countByKind(root.path, kinds);
    const expectedTotal = Object.values(expected).reduce((a, b) => a + b, 0);
    const fill = {
      rootId: root.id,
      name: dto.name,
      userId: user.id,
      templateVersionId: template.id,
      flowVersionIds: Object.fromEntries(kinds.map((k) => [k, flowVersions[k]!.id])),
      deadlines: dto.deadlines,
      carryForward: dto.carryForward !== false,
      period: dto.period,
    };
    const large = expectedTotal > largeRoundUnits();
    const opened = await this.repo.transaction(async (m) => {
      const round = await this.repo.insert(m, {
        name: dto.name,
        templateVersionId: template.id,
        rootUnitId: root.id,
        period: dto.period,
        flows: dto.flows,
        deadlines: dto.deadlines,
        createdBy: user.id,
        regimeId: regimeId ?? null,
        recipients: dto.recipients ?? [],
        status: large ? 'opening' : 'open',
      });
      if (large) {
        await this.audit.record(m, { actorId: user.id, action: 'open-start', entity: 'round', entityId: round.id, detail: { name: dto.name, expected: expectedTotal } });
        return { id: round.id, result: null };
      }
      return { id: round.id, result: await this.opening.fill(m, { ...fill, roundId: round.id }) };
    });
    if (opened.result) return { ...toView((await this.repo.byId(opened.id))!), ...opened.result, warnings };
    // A large subtree: a background job creates the submissions batch by batch; the answer is 202 with the job.
    let jobId: string;
    try {
      jobId = await this.opening.enqueue({ ...fill, roundId: opened.id, expected: expectedTotal });
    } catch (e) {
      await this.repo.setStatus(opened.id, 'failed', { error: 'Không gửi được việc mở đợt cho bộ xử lý nền.' });
      throw e;
    }
    // Only the job's id: the job may already have opened the round (its status is its own).
    await this.repo.setOpenJob(opened.id, jobId);
    return {
      ...toView((await this.repo.byId(opened.id))!),
      counts: { total: expectedTotal, byKind: expected },
      carriedForward: null,
      warnings,
      jobId,
      progressUrl: `/api/jobs/${jobId}`,
      message: `Đang tạo ${expectedTotal.toLocaleString('vi-VN')} hồ sơ báo cáo trong nền; theo dõi tiến độ tại /api/jobs/${jobId}.`,
    };
  }

  /** What opening a round needs, checked all at once (422 naming every field at fault): the published template, a published flow per kind, the deadlines. */
  private async checkOpen(user: AuthUser, dto: OpenRoundDto, rootPath: string) {
    const problems: FieldProblem[] = [];
    const template = await this.templates.one(dto.template.code, dto.template.version);
    if (!template || !canRead(user, template.ownerPath))
      problems.push({ path: 'template', title: 'Mẫu báo cáo', message: `Không tìm thấy mẫu báo cáo ${dto.template.code} phiên bản ${dto.template.version}.` });
    else if (template.status !== 'published')
      problems.push({ path: 'template', title: 'Mẫu báo cáo', message: 'Mẫu báo cáo chưa được ban hành; chỉ mở đợt với phiên bản đã ban hành.' });
    const kinds = Object.keys(dto.flows);
    if (!kinds.length) problems.push({ path: 'flows', title: 'Quy trình theo loại đơn vị', message: 'Cần chọn quy trình cho ít nhất một loại đơn vị.' });
    const flowVersions: Record<string, { id: string; def: FlowDefinition }> = {};
    for (const kind of kinds) {
      const code = dto.flows[kind];
      const flow = typeof code === 'string' ? await this.flows.latestPublished(code) : null;
      if (!flow || !canRead(user, flow.ownerPath))
        problems.push({ path: `flows.${kind}`, title: 'Quy trình theo loại đơn vị', message: `Không tìm thấy quy trình đã ban hành "${String(code)}" cho loại đơn vị "${kind}".` });
      else flowVersions[kind] = { id: flow.id, def: upgradeFlow(flow.machine as unknown as FlowDefinition) };
    }
    for (const [kind, d] of Object.entries(dto.deadlines)) {
      const problem = deadlineProblem(d);
      if (problem) problems.push({ path: `deadlines.${kind}`, title: 'Hạn nộp theo cấp', message: `Hạn nộp của "${kind}" ${problem}.` });
    }
    const findings = problems.length ? [] : await this.deadlineFindings(rootPath, dto);
    for (const f of findings.filter((x) => x.severity === 'error'))
      problems.push({ path: 'deadlines', title: 'Hạn nộp theo cấp', message: f.message });
    if (problems.length) throw unprocessable(problems.map((p) => p.message).join(' '), problems);
    const warnings = findings.filter((f) => f.severity === 'warning').map((f) => f.message);
    return { template: template!, kinds, flowVersions, warnings };
  }

  view(r: RoundView) {
    return toView(r);
  }
}

function toView(r: RoundView) {
  const { rootPath: _p, ...rest } = r;
  return rest;
}
