import { Injectable } from '@nestjs/common';
import type { Page, Round } from '@bdg/api-types';
import { applyComputed, carryForward, type JsonSchema } from '@bdg/schemas';
import { checkDeadlines, type DeadlineFinding, defaultCutOff, parsePeriod, vietnamDate } from '@bdg/regimes';
import { type FlowDefinition, initialSnapshot, stateLabel, stateTags, stateValue, upgradeFlow } from '@bdg/workflows';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CalendarService } from '../calendar/calendar.service.js';
import type { AuthUser } from '../common/current-user.js';
import { type PageQuery, pageOf, paging } from '../common/paging.js';
import { canRead, isBelowOrSame } from '../common/access.js';
import { forbidden, notFound, unprocessable, type FieldProblem } from '../common/errors.js';
import { FlowsRepository } from '../flows/flows.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrgRepository } from '../org/org.repository.js';
import { TemplatesRepository } from '../templates/templates.repository.js';
import type { OpenRoundDto, PreviewRoundDto } from './rounds.dto.js';
import { ROUND_SORTS, RoundsRepository, type RoundView } from './rounds.repository.js';

/** A date without time means the end of that day in Vietnam. */
export function deadlineOf(value: string | undefined): string | null {
  if (!value) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59+07:00` : value;
}

@Injectable()
export class RoundsService {
  constructor(
    private readonly repo: RoundsRepository,
    private readonly org: OrgRepository,
    private readonly templates: TemplatesRepository,
    private readonly flows: FlowsRepository,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationsService,
  ) {}

  async list(user: AuthUser, q: PageQuery): Promise<Page<Round<Date>>> {
    const p = paging(q, Object.keys(ROUND_SORTS));
    const { rows, total } = await this.repo.page(user.unitPath, p);
    return pageOf(rows.map(toView), total, p);
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
   */
  private async deadlineFindings(rootPath: string, dto: OpenRoundDto): Promise<DeadlineFinding[]> {
    const levels = Object.entries(dto.deadlines)
      .filter(([kind, d]) => kind in dto.flows && typeof d === 'string' && !Number.isNaN(Date.parse(deadlineOf(d)!)))
      .map(([kind, d]) => ({ kinds: [kind], label: `"${kind}"`, date: vietnamDate(new Date(deadlineOf(d)!)) }));
    const period = parsePeriod(dto.period);
    return checkDeadlines(levels, await this.org.kindEdges(rootPath), period ? defaultCutOff(period) : null, await this.calendar.calendar());
  }

  async open(user: AuthUser, dto: OpenRoundDto, regimeId?: string) {
    if (!user.roles.includes('admin')) throw forbidden('Chỉ quản trị viên mới được mở đợt báo cáo.');
    const root = await this.org.byId(dto.rootUnitId);
    if (!root || !isBelowOrSame(root.path, user.unitPath)) throw notFound('Không tìm thấy đơn vị gốc của đợt.');
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
      if (typeof d !== 'string' || Number.isNaN(Date.parse(deadlineOf(d)!)))
        problems.push({ path: `deadlines.${kind}`, title: 'Hạn nộp theo cấp', message: `Hạn nộp của "${kind}" không phải ngày hợp lệ (yyyy-mm-dd).` });
    }
    const findings = problems.length ? [] : await this.deadlineFindings(root.path, dto);
    for (const f of findings.filter((x) => x.severity === 'error'))
      problems.push({ path: 'deadlines', title: 'Hạn nộp theo cấp', message: f.message });
    if (problems.length) throw unprocessable(problems.map((p) => p.message).join(' '), problems);
    const warnings = findings.filter((f) => f.severity === 'warning').map((f) => f.message);

    return this.repo.transaction(async (m) => {
      const round = await this.repo.insert(m, {
        name: dto.name,
        templateVersionId: template!.id,
        rootUnitId: root.id,
        period: dto.period,
        flows: dto.flows,
        deadlines: dto.deadlines,
        createdBy: user.id,
        regimeId: regimeId ?? null,
      });
      for (const kind of kinds) {
        const { id, def } = flowVersions[kind]!;
        const snapshot = initialSnapshot(def);
        const state = stateValue(def, snapshot);
        await this.repo.createSubmissions(m, {
          roundId: round.id,
          rootId: root.id,
          kind,
          templateVersionId: template!.id,
          flowVersionId: id,
          state,
          stateTags: stateTags(def, state),
          snapshot,
          deadline: deadlineOf(dto.deadlines[kind]),
          kinds,
        });
      }
      const byKind = await this.repo.countsByKind(m, round.id);
      const total = Object.values(byKind).reduce((a, b) => a + b, 0);
      const carried = dto.carryForward === false ? 0 : await this.carryForward(m, round.id, template!);
      const notified = await this.notifications.roundOpened(m, round.id, dto.name);
      await this.audit.record(m, { actorId: user.id, action: 'open', entity: 'round', entityId: round.id, detail: { name: dto.name, total, carried, notified } });
      return { ...toView((await this.repo.byId(round.id, m))!), counts: { total, byKind }, carriedForward: carried, warnings };
    });
  }

  /** Last year's answers mapped into the new version where path and type still fit. */
  private async carryForward(m: EntityManager, roundId: string, template: { code: string; basedOnCode: string | null; schema: Record<string, unknown> }) {
    const codes = [...new Set([template.code, template.basedOnCode].filter((c): c is string => !!c))];
    const previous = await this.repo.previousAnswers(m, roundId, codes);
    const schemas = new Map<string, JsonSchema>();
    const rows = [];
    for (const p of previous) {
      let from = schemas.get(p.templateVersionId);
      if (!from) {
        from = (await this.templates.byId(p.templateVersionId, m))!.schema as JsonSchema;
        schemas.set(p.templateVersionId, from);
      }
      const to = template.schema as JsonSchema;
      const { data } = carryForward(from, to, p.data);
      rows.push({ id: p.id, data: applyComputed(to, data) });
    }
    await this.repo.setData(m, rows);
    return rows.length;
  }

  async progress(user: AuthUser, id: string) {
    const round = await this.get(user, id);
    // A user sees the part of the round inside their own subtree.
    const scope = isBelowOrSame(user.unitPath, round.rootPath) ? user.unitPath : round.rootPath;
    const rows = await this.repo.progress(id, scope);
    const flowLabels = new Map<string, FlowDefinition>();
    for (const [kind, code] of Object.entries(round.flows)) {
      const f = await this.flows.latestPublished(code);
      if (f) flowLabels.set(kind, f.machine as unknown as FlowDefinition);
    }
    const levels = new Map<string, { kind: string; total: number; byState: Record<string, number>; late: number; done: number }>();
    // A compiled report counts as done only as far as its coverage goes: how many children of how many expected.
    const childCount = new Map<string, number>();
    for (const r of rows) if (r.parentId) childCount.set(r.parentId, (childCount.get(r.parentId) ?? 0) + 1);
    const units = rows.map(({ compiledIncluded, ...r }) => {
      const lvl = levels.get(r.kind) ?? { kind: r.kind, total: 0, byState: {}, late: 0, done: 0 };
      lvl.total++;
      lvl.byState[r.state] = (lvl.byState[r.state] ?? 0) + 1;
      if (r.late) lvl.late++;
      // Handed in = its state means submitted or done (tags), whatever the flow calls it.
      if (r.handedIn) lvl.done++;
      levels.set(r.kind, lvl);
      const def = flowLabels.get(r.kind);
      const expected = childCount.get(r.unitId) ?? 0;
      const coverage = expected > 0 ? { included: Math.min(compiledIncluded ?? 0, expected), expected } : null;
      return { ...r, stateLabel: def ? stateLabel(def, r.state) : r.state, coverage };
    });
    return { round: toView(round), levels: [...levels.values()], units };
  }
}

function toView(r: RoundView) {
  const { rootPath: _p, ...rest } = r;
  return rest;
}
