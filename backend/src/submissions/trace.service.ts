import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/current-user.js';
import { notFound } from '../common/errors.js';
import { SigningService } from '../signing/signing.service.js';
import { CompileService } from './compile.service.js';
import { DefinitionsService } from './definitions.service.js';
import { SubmissionsRepository } from './submissions.repository.js';
import { SubmissionsService } from './submissions.service.js';

/** Tracing a report's figures and content: which units made a consolidated value; is the signed content intact. */
@Injectable()
export class TraceService {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly repo: SubmissionsRepository,
    private readonly defs: DefinitionsService,
    private readonly compiler: CompileService,
    private readonly signing: SigningService,
  ) {}

  /** Which units made a consolidated figure, and with which values. */
  async sources(user: AuthUser, id: string, path: string) {
    const row = await this.submissions.visible(user, id);
    if (!row.compiled) throw notFound('Báo cáo này chưa được tổng hợp.');
    const template = await this.defs.template(row.templateVersionId);
    const entries = await this.compiler.sources(row.compiled, row.data, path, template.schema);
    if (!entries) throw notFound(`Không có nguồn số liệu cho trường "${path}".`);
    const units = await this.repo.unitsByIds([...new Set(entries.map((e) => e.unitId))]);
    return entries.map((e) => ({ unitId: e.unitId, unitCode: units.get(e.unitId)?.code ?? '', unitName: units.get(e.unitId)?.name ?? '', value: e.value }));
  }

  async verify(user: AuthUser, id: string) {
    const row = await this.submissions.visible(user, id);
    const problems: string[] = [];
    let signature: { ok: boolean; expected: string; actual: string } | null = null;
    if (row.signature) {
      const actual = this.signing.contentHash(row.data, await this.repo.attachmentHashes(id));
      signature = { ok: actual === row.signature.hash, expected: row.signature.hash, actual };
      if (!signature.ok) problems.push('Nội dung báo cáo đã bị thay đổi sau khi ký (mã băm không khớp chữ ký).');
    }
    const logs = await this.repo.logs(id);
    const chain = this.signing.verifyChain(
      logs.map((l) => ({
        submissionId: l.submissionId,
        seq: l.seq,
        event: l.event,
        fromState: l.fromState,
        toState: l.toState,
        actorId: l.actorId,
        comment: l.comment,
        effects: l.effects,
        dataHash: l.dataHash,
        at: new Date(l.at).toISOString(),
        prevHash: l.prevHash,
        hash: l.hash,
      })),
    );
    if (!chain.ok) problems.push(chain.reason!);
    if (logs.length && logs.at(-1)!.toState !== row.state)
      problems.push('Trạng thái hiện tại không khớp với mục cuối của nhật ký chuyển trạng thái.');
    return { ok: problems.length === 0, signature, log: { ok: chain.ok, brokenAt: chain.brokenAt, entries: logs.length }, problems };
  }
}
