import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ProgressChild } from '@bdg/api-types';
import { type FlowDefinition, stateLabel } from '@bdg/workflows';
import type { AuthUser } from '../common/current-user.js';
import { isBelowOrSame } from '../common/access.js';
import { notFound } from '../common/errors.js';
import { FlowsService } from '../flows/flows.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { JOB } from '../jobs/job-names.js';
import type { ProgressQuery } from './progress.dto.js';
import { type BelowRow, type NodeRow, ProgressRepository, type StateCount } from './progress.repository.js';
import { foldText, pageOf, type Page } from './paging.js';
import { RoundsService } from './rounds.service.js';

export interface Counts {
  total: number;
  done: number;
  late: number;
  byState: Record<string, number>;
}

const DAY = 86_400_000;
const empty = (): Counts => ({ total: 0, done: 0, late: 0, byState: {} });
function add(c: Counts, r: { state: string; total: number; done: number; late: number }) {
  c.total += r.total;
  c.done += r.done;
  c.late += r.late;
  c.byState[r.state] = (c.byState[r.state] ?? 0) + r.total;
}
/** A unit's own submission as one count. */
const own = (n: NodeRow): StateCount[] =>
  n.submissionId && n.state ? [{ kind: n.kind, state: n.state, total: 1, done: n.handedIn ? 1 : 0, late: n.late ? 1 : 0 }] : [];
export const daysLate = (n: { late: boolean; deadline: Date | string | null }, now = Date.now()) =>
  n.late && n.deadline ? Math.max(1, Math.floor((now - new Date(n.deadline).getTime()) / DAY)) : 0;

/** Labels change only when a new flow version is published: a minute of cache saves a query per kind per answer. */
const LABELS_TTL_MS = 60_000;

/**
 * `GET /api/rounds/:id/progress?parentId=`: one level of the drill-down — the unit, its breadcrumbs, the
 * counts by level (unit kind) in its subtree, and one page of its children, each with its own state and
 * its subtree's counts. Every answer is bounded by the page size, whatever the size of the tree.
 */
@Injectable()
export class ProgressService implements OnModuleInit {
  private readonly flowCache = new Map<string, { def: FlowDefinition | null; at: number }>();

  constructor(
    private readonly repo: ProgressRepository,
    private readonly rounds: RoundsService,
    private readonly flows: FlowsService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit() {
    // The +1/−1 rows the triggers append are folded every few minutes (reads stay a few hundred rows).
    this.jobs.handle(JOB.progressFold, async () => {
      const rounds = await this.repo.roundsToFold(1000);
      for (const r of rounds) await this.repo.fold(r);
      return { folded: rounds.length };
    });
  }

  async progress(user: AuthUser, roundId: string, q: ProgressQuery) {
    const round = await this.rounds.get(user, roundId);
    // A user sees the part of the round inside their own subtree.
    const scopePath = isBelowOrSame(user.unitPath, round.rootPath) ? user.unitPath : round.rootPath;
    const node = await this.repo.node(roundId, q.parentId ?? (scopePath === user.unitPath ? user.unitId : round.rootUnitId));
    if (!node || !isBelowOrSame(node.path, scopePath)) throw notFound('Không tìm thấy đơn vị trong đợt báo cáo này.');
    const [below, childrenOwn, breadcrumbs, labels, shortfalls] = await Promise.all([
      this.repo.below(roundId, node.unitId),
      this.repo.childrenOwn(roundId, node.unitId),
      this.repo.breadcrumbs(scopePath, node.path),
      this.labels(round.flows),
      this.repo.coverageShortfall(roundId, node.path),
    ]);
    const levels = new Map<string, Counts & { kind: string }>();
    for (const r of [...own(node), ...childrenOwn, ...below]) {
      const l = levels.get(r.kind) ?? { kind: r.kind, ...empty() };
      add(l, r);
      levels.set(r.kind, l);
    }
    const totals = empty();
    for (const r of [...own(node), ...childrenOwn, ...below]) add(totals, r);
    // A consolidation covering 2 of 10 units is 0.2 done, not 1 (issue 14: a figure says how many units it covers).
    for (const { kind, shortfall } of shortfalls) {
      const l = levels.get(kind);
      if (l) l.done = Math.max(0, Math.round((l.done - shortfall) * 100) / 100);
      totals.done = Math.max(0, Math.round((totals.done - shortfall) * 100) / 100);
    }
    const units = await this.children(roundId, node.unitId, below, q, labels, node.unitName);
    const label = (kind: string, state: string | null) => (state ? (labels.get(kind) ? stateLabel(labels.get(kind)!, state) : state) : null);
    const stateLabels: Record<string, string> = {};
    for (const l of levels.values()) for (const s of Object.keys(l.byState)) stateLabels[s] ??= label(l.kind, s)!;
    const { path: _p, ...nodeView } = node;
    return {
      round: this.rounds.view(round),
      node: { ...nodeView, stateLabel: label(node.kind, node.state), daysLate: daysLate(node) },
      breadcrumbs,
      totals,
      levels: [...levels.values()],
      stateLabels,
      units,
    };
  }

  private async children(
    roundId: string,
    parentId: string,
    below: BelowRow[],
    q: ProgressQuery,
    labels: Map<string, FlowDefinition>,
    parentUnitName: string,
  ): Promise<Page<ProgressChild<Date>>> {
    const { page, pageSize, offset } = pageOf(q);
    const byChild = new Map<string, Counts>();
    for (const r of below) {
      const c = byChild.get(r.childId) ?? empty();
      add(c, r);
      byChild.set(r.childId, c);
    }
    const search = q.q?.trim() ? foldText(q.q.trim()).replace(/[\\%_]/g, (m) => `\\${m}`) : undefined;
    const rows = await this.repo.childrenPage(
      roundId,
      parentId,
      [...byChild].map(([childId, c]) => ({ childId, total: c.total, done: c.done, late: c.late })),
      { q: search, sort: q.sort ?? 'name', lateOnly: q.late === 'true', limit: pageSize, offset },
    );
    const now = Date.now();
    const items = rows.map(({ path: _p, totalRows: _t, subTotal: _s, subDone: _d, subLate: _l, ...r }) => {
      const sub = byChild.get(r.unitId);
      const subtree: Counts = sub ? { ...sub, byState: { ...sub.byState } } : empty();
      for (const o of own({ ...r, path: '' })) add(subtree, o);
      const def = labels.get(r.kind);
      return {
        ...r,
        stateLabel: r.state ? (def ? stateLabel(def, r.state, { parentUnitName }) : r.state) : null,
        daysLate: daysLate(r, now),
        hasChildren: !!sub,
        subtree,
      };
    });
    return { items, total: rows[0]?.totalRows ?? 0, page, pageSize };
  }

  /** The flow of each unit kind of the round, for the Vietnamese state labels. */
  private async labels(flows: Record<string, string>): Promise<Map<string, FlowDefinition>> {
    const now = Date.now();
    const codes = [...new Set(Object.values(flows))];
    await Promise.all(
      codes
        .filter((c) => (this.flowCache.get(c)?.at ?? 0) < now - LABELS_TTL_MS)
        .map(async (c) => {
          const f = await this.flows.latestPublished(c);
          this.flowCache.set(c, { def: f ? (f.machine as unknown as FlowDefinition) : null, at: now });
        }),
    );
    const out = new Map<string, FlowDefinition>();
    for (const [kind, code] of Object.entries(flows)) {
      const def = this.flowCache.get(code)?.def;
      if (def) out.set(kind, def);
    }
    return out;
  }
}
