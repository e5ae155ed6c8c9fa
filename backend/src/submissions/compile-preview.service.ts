import { Injectable } from '@nestjs/common';
import type { Effect, FlowDefinition } from '@bdg/workflows';
import type { AuthUser } from '../common/current-user.js';
import { conflict } from '../common/errors.js';
import { OrgService } from '../org/org.service.js';
import { SubmissionsRepository } from './submissions.repository.js';
import { SubmissionsService } from './submissions.service.js';
import { TransitionsService } from './transitions.service.js';

/**
 * What a new COMPILE would change, before anything is replaced: old → new per field, whether the unit
 * corrected it by hand (kept unless the user chooses otherwise), and which units' figures moved it.
 */
@Injectable()
export class CompilePreviewService {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly repo: SubmissionsRepository,
    private readonly org: OrgService,
    private readonly transitions: TransitionsService,
  ) {}

  async preview(user: AuthUser, id: string) {
    const row = await this.submissions.visible(user, id);
    const { def, template } = await this.submissions.context(row);
    const effect = compileEffect(def, row.state);
    if (!effect) throw conflict('Báo cáo này không tổng hợp lại được ở trạng thái hiện tại.');
    // Compiling only reads; the result is not stored.
    const c = await this.repo.transaction((m) => this.transitions.compile(m, row, template, effect));
    const before = row.compiled?.provenance ?? {};
    const after = c.compiled.provenance;
    const ids = [...Object.values(after), ...Object.values(before)].flat().map((e) => e.unitId);
    const units = await this.org.namesByIds([...new Set(ids)]);
    const changes = c.changes.map((ch) => ({
      ...ch,
      units: movedUnits(before[ch.path] ?? [], after[ch.path] ?? []).map((unitId) => ({ unitId, unitName: units.get(unitId)?.name ?? '' })),
    }));
    return { changes, coverage: { included: c.compiled.included, expected: c.compiled.total } };
  }
}

/** The compileChildren effect of a transition open in this state, if any (read from the flow's data). */
function compileEffect(def: FlowDefinition, state: string): Effect | null {
  const node = def.states[state] as { on?: Record<string, unknown> } | undefined;
  for (const t of Object.values(node?.on ?? {})) {
    for (const tr of Array.isArray(t) ? t : [t]) {
      const actions = (tr as { actions?: unknown[] } | null)?.actions ?? [];
      const action = actions.find((a) => (a as { type?: string }).type === 'compileChildren');
      if (action) return action as Effect;
    }
  }
  return null;
}

/** Units whose contribution to a field differs between two provenance lists. */
function movedUnits(before: { unitId: string; value: unknown }[], after: { unitId: string; value: unknown }[]): string[] {
  const key = (v: unknown) => JSON.stringify(v ?? null);
  const b = new Map(before.map((e) => [e.unitId, key(e.value)]));
  const a = new Map(after.map((e) => [e.unitId, key(e.value)]));
  return [...new Set([...a.keys(), ...b.keys()])].filter((u) => a.get(u) !== b.get(u));
}
