/** The round wizard's answers → the POST /api/rounds body, with Vietnamese reasons when incomplete. */
import type { OpenRoundInput } from '../../api/types';

export interface KindRow {
  kind: string;
  flowCode?: string;
  /** ISO date YYYY-MM-DD */
  deadline?: string;
}

export interface RoundDraft {
  name?: string;
  period?: string;
  template?: { code: string; version: number };
  rootUnitId?: string;
  rows: KindRow[];
}

export function flowsOf(rows: KindRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) if (r.kind && r.flowCode) out[r.kind] = r.flowCode;
  return out;
}

/** The deadline of each kind that takes part (has a flow and a date). */
export function deadlinesOf(rows: KindRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) if (r.flowCode && r.deadline) out[r.kind] = r.deadline;
  return out;
}

export function roundProblems(d: RoundDraft): string[] {
  const p: string[] = [];
  if (!d.name?.trim()) p.push('Chưa đặt tên đợt báo cáo.');
  if (!d.period?.trim()) p.push('Chưa nhập kỳ báo cáo.');
  if (!d.template) p.push('Chưa chọn biểu mẫu (phiên bản đã xuất bản).');
  if (!d.rootUnitId) p.push('Chưa chọn đơn vị gốc của đợt.');
  const withFlow = d.rows.filter((r) => r.flowCode);
  if (!withFlow.length) p.push('Chưa chọn quy trình cho loại đơn vị nào.');
  const kinds = d.rows.map((r) => r.kind);
  const dup = kinds.find((k, i) => kinds.indexOf(k) !== i);
  if (dup) p.push(`Loại đơn vị “${dup}” được khai hai lần.`);
  for (const r of withFlow) if (!r.deadline) p.push(`Chưa có hạn nộp cho loại đơn vị “${r.kind}”.`);
  return p;
}

export function buildRoundPayload(d: RoundDraft): OpenRoundInput {
  const problems = roundProblems(d);
  if (problems.length) throw new Error(problems.join(' '));
  const deadlines = deadlinesOf(d.rows);
  return {
    name: d.name!.trim(),
    template: d.template!,
    rootUnitId: d.rootUnitId!,
    period: d.period!.trim(),
    flows: flowsOf(d.rows),
    deadlines,
  };
}

/** A flow whose code matches the kind's family (truong_th → truong, phong → phong), if one exists. */
export function suggestFlow(kind: string, flowCodes: string[]): string | undefined {
  if (flowCodes.includes(kind)) return kind;
  const family = kind.split('_')[0]!;
  return flowCodes.includes(family) ? family : undefined;
}
