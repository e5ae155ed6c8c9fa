import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Page, RegimeSummary } from '@bdg/api-types';
import { dayOffFindings, lintRegime, type PlannedRound, type Regime, roundsDue, upcomingRounds, vietnamDate } from '@bdg/regimes';
import { AuditService } from '../audit/audit.service.js';
import { UnitKindsService } from '../roles/unit-kinds.service.js';
import type { AuthUser } from '../common/current-user.js';
import { type PageQuery, pageArray, paging } from '../common/paging.js';
import { canRead, isBelowOrSame } from '../common/access.js';
import { conflict, forbidden, notFound, unprocessable } from '../common/errors.js';
import { readWorkspaceJson } from '../common/pure-files.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { JOB, type RegimesOpenDuePayload } from '../jobs/job-names.js';
import { JobsService } from '../jobs/jobs.service.js';
import { OrgService } from '../org/org.service.js';
import { RoundsService } from '../rounds/rounds.service.js';
import { TemplatesService } from '../templates/templates.service.js';
import { deadlineOf, deadlineProblem } from '../rounds/rounds.service.js';
import type { CheckDeadlinesDto, DraftPreviewDto, SaveRegimeDto } from './regimes.dto.js';
import { type RegimeRow, RegimesRepository } from './regimes.repository.js';

export interface OpenedRound {
  regime: string;
  period: string;
  roundId?: string;
  /** Why it could not open (Vietnamese), e.g. no published template. */
  error?: string;
}

const UNIQUE_VIOLATION = '23505';

/** Reporting regimes: declared once, their rounds open by themselves on their day. */
@Injectable()
export class RegimesService implements OnModuleInit {
  private readonly log = new Logger('Chế độ báo cáo');

  constructor(
    private readonly repo: RegimesRepository,
    private readonly org: OrgService,
    private readonly templates: TemplatesService,
    private readonly rounds: RoundsService,
    private readonly calendar: CalendarService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly unitKinds: UnitKindsService,
  ) {}

  onModuleInit() {
    this.jobs.handle<RegimesOpenDuePayload>(JOB.regimesOpenDue, (ctx) => this.openDue(ctx.data.today ?? vietnamDate(new Date())));
  }

  /** A subtree's regimes are a handful: paged in memory by the shared helper, searched by code and name. */
  async list(user: AuthUser, q: PageQuery): Promise<Page<RegimeSummary<Regime, Date>>> {
    const p = paging(q, ['code', 'name']);
    const rows = (await this.repo.visible(user.unitPath)).map((r) => view(r, user));
    return pageArray(rows, p, {
      text: (r) => `${r.code} ${r.definition.name}`,
      sortBy: { code: (r) => r.code, name: (r) => r.definition.name },
    });
  }

  async get(user: AuthUser, code: string) {
    const r = await this.repo.byCode(code);
    if (!r || !canRead(user, r.ownerPath)) throw notFound(`Không tìm thấy chế độ báo cáo "${code}".`);
    return r;
  }

  async create(user: AuthUser, dto: SaveRegimeDto) {
    if (!user.roles.includes('admin')) throw forbidden('Chỉ quản trị viên mới được tạo chế độ báo cáo.');
    const definition = await this.checked(user, dto.definition);
    await this.repo.transaction(async (m) => {
      const id = await this.repo.insert(m, { code: definition.code, ownerUnitId: user.unitId, definition, createdBy: user.id });
      if (!id) throw conflict(`Mã chế độ báo cáo "${definition.code}" đã được dùng; hãy chọn mã khác.`);
      await this.audit.record(m, { actorId: user.id, action: 'create', entity: 'regime', entityId: id, detail: { code: definition.code } });
    });
    return view((await this.repo.byCode(definition.code))!, user);
  }

  async update(user: AuthUser, code: string, dto: SaveRegimeDto) {
    const r = await this.get(user, code);
    if (!user.roles.includes('admin') || !isBelowOrSame(r.ownerPath, user.unitPath))
      throw forbidden('Chế độ báo cáo này thuộc đơn vị cấp trên: chỉ được xem.');
    const definition = await this.checked(user, { ...dto.definition, code });
    await this.repo.transaction(async (m) => {
      await this.repo.update(m, r.id, { definition, enabled: dto.enabled });
      await this.audit.record(m, { actorId: user.id, action: 'update', entity: 'regime', entityId: r.id, detail: { code, enabled: dto.enabled } });
    });
    return view((await this.repo.byCode(code))!, user);
  }

  /** The next rounds with their dates, and which of them are already open. */
  async preview(user: AuthUser, code: string, from?: string, count = 4) {
    const r = await this.get(user, code);
    const root = await this.org.byCode(r.definition.rootUnitCode);
    const edges = root ? await this.org.kindEdges(root.path) : [];
    const calendar = await this.calendar.calendar();
    const opened = await this.repo.openedPeriods(r.id);
    const rounds = upcomingRounds(r.definition, calendar, from ?? vietnamDate(new Date()), count, edges);
    return { regime: view(r, user), rounds: rounds.map((p) => ({ ...p, roundId: opened.get(p.period) ?? null })) };
  }

  /** Opens every round due on `today` that is not open yet; safe on any number of workers at once. */
  async openDue(today: string, scopePath?: string): Promise<OpenedRound[]> {
    const calendar = await this.calendar.calendar();
    const out: OpenedRound[] = [];
    for (const r of await this.repo.enabled()) {
      if (scopePath && !isBelowOrSame(r.ownerPath, scopePath)) continue;
      const opened = await this.repo.openedPeriods(r.id);
      for (const plan of roundsDue(r.definition, calendar, today)) {
        if (opened.has(plan.period)) continue;
        out.push(await this.openOne(r, plan));
      }
    }
    if (out.length) this.log.log(`Ngày ${today}: ${out.filter((o) => o.roundId).length} đợt báo cáo được mở theo chế độ`);
    return out;
  }

  async runNow(user: AuthUser, today?: string) {
    if (!user.roles.includes('admin')) throw forbidden('Chỉ quản trị viên mới được chạy việc mở đợt theo chế độ.');
    // An admin runs now what the daily job would run, for the regimes of their own subtree.
    const day = today ?? vietnamDate(new Date());
    return { today: day, opened: await this.openDue(day, user.unitPath) };
  }

  private async openOne(r: RegimeRow, plan: PlannedRound): Promise<OpenedRound> {
    const d = r.definition;
    const base = { regime: r.code, period: plan.period };
    const root = await this.org.byCode(d.rootUnitCode);
    if (!root) return { ...base, error: `Không tìm thấy đơn vị gốc "${d.rootUnitCode}".` };
    const template = d.template.version ? await this.templates.one(d.template.code, d.template.version) : await this.templates.latestPublished(d.template.code);
    if (!template || template.status !== 'published') return { ...base, error: `Mẫu báo cáo "${d.template.code}" chưa có phiên bản đã ban hành.` };
    const owner = (await this.org.byId(r.ownerUnitId))!;
    // The round opens on behalf of the admin who declared the regime, within the owner's subtree.
    const actor: AuthUser = { id: r.createdBy!, username: 'che-do-bao-cao', fullName: `Chế độ báo cáo ${r.code}`, unitId: owner.id, unitPath: owner.path, roles: ['admin'] };
    const deadlines = Object.fromEntries(plan.deadlines.flatMap((l) => l.kinds.filter((k) => k in d.flows).map((k) => [k, l.date])));
    try {
      const round = await this.rounds.open(actor, { name: plan.name, template: { code: template.code, version: template.version }, rootUnitId: root.id, period: plan.period, flows: d.flows, deadlines, recipients: d.recipients ?? [] }, r.id);
      return { ...base, roundId: round.id };
    } catch (e) {
      if ((e as { code?: string }).code === UNIQUE_VIOLATION) return { ...base, roundId: (await this.repo.openedPeriods(r.id)).get(plan.period) };
      const message = e instanceof Error ? e.message : String(e);
      this.log.warn(`Không mở được đợt ${plan.period} của ${r.code}: ${message}`);
      return { ...base, error: message };
    }
  }

  /** Lint, then the root unit must lie in the admin's subtree. */
  private async checked(user: AuthUser, input: Record<string, unknown>): Promise<Regime> {
    const problems = await this.problems(user, input);
    if (problems.length) throw unprocessable(problems.map((p) => p.message).join(' '), problems);
    return input as unknown as Regime;
  }

  private async problems(user: AuthUser, input: Record<string, unknown>) {
    const problems = lintRegime(input).map((p) => ({ path: `definition${p.path.replace(/\//g, '.')}`, title: 'Chế độ báo cáo', message: p.message }));
    if (!problems.length) {
      const root = await this.org.byCode(String(input.rootUnitCode));
      if (!root || !isBelowOrSame(root.path, user.unitPath))
        problems.push({ path: 'definition.rootUnitCode', title: 'Đơn vị gốc', message: `Không tìm thấy đơn vị "${String(input.rootUnitCode)}" trong phạm vi quản lý của bạn.` });
    }
    return problems;
  }

  /** The regime editor's check before saving: lint problems, or the next rounds with their dates and findings. */
  async draftPreview(user: AuthUser, dto: DraftPreviewDto) {
    if (!user.roles.includes('admin')) throw forbidden('Chỉ quản trị viên mới được soạn chế độ báo cáo.');
    const problems = await this.problems(user, dto.definition);
    if (problems.length) return { problems, rounds: [] };
    const definition = dto.definition as unknown as Regime;
    const root = (await this.org.byCode(definition.rootUnitCode))!;
    const rounds = upcomingRounds(definition, await this.calendar.calendar(), dto.from ?? vietnamDate(new Date()), dto.count ?? 4, await this.org.kindEdges(root.path));
    return { problems, rounds };
  }

  /**
   * The round wizard's preview of what opening would say of its deadlines: the refusals (a parent
   * level due on or before a child level) and warnings (less than one working day after the cut-off,
   * a deadline on a day off), in Vietnamese.
   */
  async checkRoundDeadlines(user: AuthUser, dto: CheckDeadlinesDto) {
    if (!user.roles.includes('admin')) throw forbidden('Chỉ quản trị viên mới được mở đợt báo cáo.');
    const root = await this.org.byId(dto.rootUnitId);
    if (!root || !isBelowOrSame(root.path, user.unitPath)) throw notFound('Không tìm thấy đơn vị gốc của đợt.');
    // a deadline outside the accepted years is left out here, as opening refuses it (rounds.service)
    const valid = Object.entries(dto.deadlines).filter(([kind, d]) => kind in dto.flows && !deadlineProblem(d));
    const deadlines = Object.fromEntries(valid);
    const findings = await this.rounds.deadlineFindings(root.path, { deadlines, flows: dto.flows, period: dto.period });
    const kindLabels = await this.unitKinds.labels(undefined, root.path);
    const levels = valid.map(([kind, d]) => ({ kinds: [kind], label: `"${kindLabels[kind] ?? kind}"`, date: vietnamDate(new Date(deadlineOf(d)!)) }));
    const calendar = await this.calendar.calendar();
    const refused = Object.entries(dto.deadlines)
      .filter(([kind, d]) => kind in dto.flows && typeof d === 'string' && deadlineProblem(d))
      .map(([kind, d]) => ({ severity: 'error' as const, message: `Hạn nộp của "${kindLabels[kind] ?? kind}" ${deadlineProblem(d)}.` }));
    return { findings: [...refused, ...findings, ...dayOffFindings(levels, calendar)] };
  }

  /** Demo data: the shipped plans whose root unit exists, owned by that unit's admin; answers those it added. */
  async seedFromFiles(ownerOf: (rootCode: string) => Promise<{ unitId: string; adminId: string } | null>): Promise<Regime[]> {
    const added: Regime[] = [];
    for (const definition of readWorkspaceJson('@bdg/regimes', 'plans') as Regime[]) {
      if (await this.repo.byCode(definition.code)) continue;
      const owner = await ownerOf(definition.rootUnitCode);
      if (!owner) continue;
      const id = await this.repo.transaction((m) => this.repo.insert(m, { code: definition.code, ownerUnitId: owner.unitId, definition, createdBy: owner.adminId }));
      if (id) added.push(definition);
    }
    return added;
  }

  /** Opens the regime's first round opening on or after `from` (the demo shows each plan running). */
  async openUpcoming(code: string, from: string): Promise<OpenedRound | null> {
    const r = await this.repo.byCode(code);
    if (!r) return null;
    const [plan] = upcomingRounds(r.definition, await this.calendar.calendar(), from, 1);
    if (!plan || (await this.repo.openedPeriods(r.id)).has(plan.period)) return null;
    return this.openOne(r, plan);
  }
}

function view(r: RegimeRow, user: AuthUser) {
  const { ownerPath, ...rest } = r;
  return { ...rest, editable: user.roles.includes('admin') && isBelowOrSame(ownerPath, user.unitPath) };
}
