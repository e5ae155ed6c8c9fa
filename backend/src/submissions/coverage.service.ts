import { Injectable } from '@nestjs/common';
import { stateLabel } from '@bdg/workflows';
import { CompileRepository } from './compile.repository.js';
import { DefinitionsService } from './definitions.service.js';
import type { CompiledInfo } from './submission.entity.js';

export interface Coverage {
  /** Children whose content the compiled figures include */
  included: number;
  /** Children that should report to this unit in this round */
  expected: number;
  missing: { unitId: string; unitCode: string; unitName: string; state: string; stateLabel: string }[];
}

/** How complete a compiled report is: which of the unit's children its figures include, and which not. */
@Injectable()
export class CoverageService {
  constructor(
    private readonly repo: CompileRepository,
    private readonly defs: DefinitionsService,
  ) {}

  async of(row: { roundId: string; unitId: string; compiled: CompiledInfo | null }): Promise<Coverage> {
    const kids = await this.repo.childStates(row.roundId, row.unitId);
    const used = row.compiled?.sources ?? {};
    const missing: Coverage['missing'] = [];
    for (const k of kids) {
      if (Object.prototype.hasOwnProperty.call(used, k.id)) continue;
      const def = await this.defs.flow(k.flowVersionId);
      missing.push({ unitId: k.unitId, unitCode: k.unitCode, unitName: k.unitName, state: k.state, stateLabel: stateLabel(def, k.state) });
    }
    return { included: kids.length - missing.length, expected: kids.length, missing };
  }
}

/** "Báo cáo này tổng hợp 2/10 đơn vị; chưa có: …" — the sentence every screen and document shows. */
export function coverageSentence(c: Coverage, limit = 20): string {
  const head = `Báo cáo này tổng hợp ${c.included}/${c.expected} đơn vị`;
  if (!c.missing.length) return `${head}.`;
  const names = c.missing.slice(0, limit).map((m) => m.unitName).join(', ');
  return `${head}; chưa có: ${names}${c.missing.length > limit ? ` và ${c.missing.length - limit} đơn vị khác` : ''}.`;
}
