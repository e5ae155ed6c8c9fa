/**
 * The regime editor's form model and its mapping to and from a Regime (pure, tested beside it).
 * The form holds strings and flags as the inputs give them; `toRegime` drops what the chosen
 * options do not use, so the server's lint sees exactly the regime the admin means.
 */
import type { DeadlineRule, Frequency, Regime } from '@bdg/regimes';

export interface LevelForm {
  label: string;
  kinds: string[];
  rule: 'date' | 'workingDays';
  /** "10/6" */
  date: string;
  nextYear: boolean;
  workingDays: number | null;
}

export interface RegimeForm {
  code: string;
  name: string;
  templateCode: string;
  /** null: the latest published version when each round opens. */
  templateVersion: number | null;
  frequency: Frequency;
  halves: Array<1 | 2>;
  quarters: Array<1 | 2 | 3 | 4>;
  firstPeriod: string;
  /** Override of Nghị định 09's cut-off; both empty: the default. */
  cutOffFrom: string;
  cutOffTo: string;
  opensMode: 'before' | 'date';
  opensDaysBefore: number | null;
  opensDate: string;
  rootUnitCode: string;
  flows: Array<{ kind: string; flow: string }>;
  levels: LevelForm[];
  recipients: string[];
  escalateAfterWorkingDays: number | null;
}

export const FREQUENCY_OPTIONS: Array<{ value: Frequency; label: string }> = [
  { value: 'half-year', label: '6 tháng' },
  { value: 'year', label: 'Năm' },
  { value: 'quarter', label: 'Quý' },
  { value: 'multi-year', label: 'Giai đoạn nhiều năm' },
  { value: 'ad-hoc', label: 'Đột xuất' },
];

export function emptyLevel(): LevelForm {
  return { label: '', kinds: [], rule: 'date', date: '', nextYear: false, workingDays: 5 };
}

export function toForm(r: Regime): RegimeForm {
  const opens = r.opens;
  return {
    code: r.code,
    name: r.name,
    templateCode: r.template.code,
    templateVersion: r.template.version ?? null,
    frequency: r.frequency,
    halves: r.halves ?? [1, 2],
    quarters: r.quarters ?? [1, 2, 3, 4],
    firstPeriod: r.firstPeriod ?? '',
    cutOffFrom: r.cutOff?.from ?? '',
    cutOffTo: r.cutOff?.to ?? '',
    opensMode: opens && 'date' in opens ? 'date' : 'before',
    opensDaysBefore: opens && 'daysBeforeFirstDeadline' in opens ? opens.daysBeforeFirstDeadline : 30,
    opensDate: opens && 'date' in opens ? opens.date : '',
    rootUnitCode: r.rootUnitCode,
    flows: Object.entries(r.flows).map(([kind, flow]) => ({ kind, flow })),
    levels: r.levels.map((l) => ({
      label: l.label,
      kinds: [...l.kinds],
      rule: 'date' in l.deadline ? 'date' : 'workingDays',
      date: 'date' in l.deadline ? l.deadline.date : '',
      nextYear: 'date' in l.deadline ? !!l.deadline.nextYear : false,
      workingDays: 'workingDaysAfterCutOff' in l.deadline ? l.deadline.workingDaysAfterCutOff : 5,
    })),
    recipients: [...(r.recipients ?? [])],
    escalateAfterWorkingDays: r.escalateAfterWorkingDays ?? null,
  };
}

function deadlineOf(l: LevelForm): DeadlineRule {
  if (l.rule === 'workingDays') return { workingDaysAfterCutOff: l.workingDays ?? 0 };
  return l.nextYear ? { date: l.date.trim(), nextYear: true } : { date: l.date.trim() };
}

export function toRegime(f: RegimeForm): Regime {
  const r: Regime = {
    code: f.code.trim(),
    name: f.name.trim(),
    template: f.templateVersion ? { code: f.templateCode, version: f.templateVersion } : { code: f.templateCode },
    frequency: f.frequency,
    rootUnitCode: f.rootUnitCode.trim(),
    flows: Object.fromEntries(f.flows.filter((x) => x.kind.trim()).map((x) => [x.kind.trim(), x.flow])),
    levels: f.levels.map((l) => ({ kinds: l.kinds, label: l.label.trim(), deadline: deadlineOf(l) })),
  };
  // Both halves (or all quarters) is the default: written only when fewer run.
  if (f.frequency === 'half-year' && f.halves.length !== 2) r.halves = [...f.halves].sort();
  if (f.frequency === 'quarter' && f.quarters.length !== 4) r.quarters = [...f.quarters].sort();
  if (f.frequency === 'multi-year') r.firstPeriod = f.firstPeriod.trim();
  if (f.cutOffFrom.trim() || f.cutOffTo.trim()) r.cutOff = { from: f.cutOffFrom.trim(), to: f.cutOffTo.trim() };
  r.opens = f.opensMode === 'date' ? { date: f.opensDate.trim() } : { daysBeforeFirstDeadline: f.opensDaysBefore ?? 0 };
  const recipients = f.recipients.map((x) => x.trim()).filter(Boolean);
  if (recipients.length) r.recipients = recipients;
  if (f.escalateAfterWorkingDays) r.escalateAfterWorkingDays = f.escalateAfterWorkingDays;
  return r;
}

/** The field a server lint path names, in Vietnamese, so a problem reads "Các cấp › cấp 2 › Hạn nộp: …". */
export function problemPlace(path: string): string {
  const parts = path.replace(/^definition\.?/, '').split('.').filter(Boolean);
  const names: Record<string, string> = {
    code: 'Mã',
    name: 'Tên',
    template: 'Biểu mẫu',
    version: 'Phiên bản',
    frequency: 'Tần suất',
    halves: 'Nửa năm',
    firstPeriod: 'Kỳ đầu tiên',
    cutOff: 'Chốt số liệu',
    opens: 'Ngày mở đợt',
    rootUnitCode: 'Đơn vị gốc',
    flows: 'Quy trình theo loại đơn vị',
    levels: 'Các cấp',
    kinds: 'Loại đơn vị',
    label: 'Tên cấp',
    deadline: 'Hạn nộp',
    date: 'Ngày',
    workingDaysAfterCutOff: 'Số ngày làm việc',
    recipients: 'Nơi nhận',
    escalateAfterWorkingDays: 'Báo cấp trên sau',
  };
  return parts.map((p) => (/^\d+$/.test(p) ? `cấp ${Number(p) + 1}` : (names[p] ?? p))).join(' › ');
}
