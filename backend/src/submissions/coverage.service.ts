import { Injectable } from '@nestjs/common';
import type { Coverage } from '@bdg/schemas';
import { stateLabel } from '@bdg/workflows';
import { CompileRepository } from './compile.repository.js';
import { DefinitionsService } from './definitions.service.js';
import type { CompiledInfo } from './submission.entity.js';


/** How complete a compiled report is: which of the unit's children its figures include, and which not. */
@Injectable()
export class CoverageService {
  constructor(
    private readonly repo: CompileRepository,
    private readonly defs: DefinitionsService,
  ) {}

  async of(row: { roundId: string; unitId: string; unitName?: string; compiled: CompiledInfo | null }): Promise<Coverage> {
    const kids = await this.repo.childStates(row.roundId, row.unitId);
    const used = row.compiled?.sources ?? {};
    const missing: Coverage['missing'] = [];
    for (const k of kids) {
      if (Object.prototype.hasOwnProperty.call(used, k.id)) continue;
      const def = await this.defs.flow(k.flowVersionId);
      missing.push({ unitId: k.unitId, unitCode: k.unitCode, unitName: k.unitName, state: k.state, stateLabel: stateLabel(def, k.state, { parentUnitName: row.unitName }) });
    }
    return { included: kids.length - missing.length, expected: kids.length, missing };
  }
}
