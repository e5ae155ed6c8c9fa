import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/current-user.js';
import { notFound } from '../common/errors.js';
import { CompileService } from './compile.service.js';
import { DefinitionsService } from './definitions.service.js';
import { OrgService } from '../org/org.service.js';
import { SubmissionsRepository } from './submissions.repository.js';
import { SubmissionsService } from './submissions.service.js';

/** Tracing a report's figures: which units made a consolidated value. */
@Injectable()
export class TraceService {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly repo: SubmissionsRepository,
    private readonly org: OrgService,
    private readonly defs: DefinitionsService,
    private readonly compiler: CompileService,
  ) {}

  /** Which units made a consolidated figure, and with which values. */
  async sources(user: AuthUser, id: string, path: string) {
    const row = await this.submissions.visible(user, id);
    if (!row.compiled) throw notFound('Báo cáo này chưa được tổng hợp.');
    const template = await this.defs.template(row.templateVersionId);
    const entries = await this.compiler.sources(row.compiled, row.data, path, template.schema);
    if (!entries) throw notFound(`Không có nguồn số liệu cho trường "${path}".`);
    const units = await this.org.namesByIds([...new Set(entries.map((e) => e.unitId))]);
    return entries.map((e) => ({ unitId: e.unitId, unitCode: units.get(e.unitId)?.code ?? '', unitName: units.get(e.unitId)?.name ?? '', value: e.value }));
  }
}
