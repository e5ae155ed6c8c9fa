import { parseDayMonth } from './deadline.js';
import type { Regime } from './regime.js';

export interface RegimeProblem {
  path: string;
  message: string;
}

const FREQUENCIES = ['half-year', 'year', 'quarter', 'multi-year', 'ad-hoc'];
const CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;
const KIND = /^[a-z][a-z0-9_]{0,39}$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function lintDeadlineRule(rule: unknown, path: string, out: RegimeProblem[]) {
  if (!isObject(rule)) return void out.push({ path, message: 'Hạn nộp phải là {"date": "10/6"} hoặc {"workingDaysAfterCutOff": 5}.' });
  if ('date' in rule) {
    if (typeof rule.date !== 'string' || !parseDayMonth(rule.date)) out.push({ path: `${path}/date`, message: `Hạn "${String(rule.date)}" không phải ngày/tháng hợp lệ (ví dụ "10/6").` });
  } else if ('workingDaysAfterCutOff' in rule) {
    const n = rule.workingDaysAfterCutOff;
    if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > 120)
      out.push({ path: `${path}/workingDaysAfterCutOff`, message: 'Số ngày làm việc sau ngày chốt số liệu phải là số nguyên từ 1 đến 120.' });
  } else out.push({ path, message: 'Hạn nộp phải là {"date": "10/6"} hoặc {"workingDaysAfterCutOff": 5}.' });
}

function lintLevels(levels: unknown, out: RegimeProblem[]) {
  if (!Array.isArray(levels) || levels.length === 0) return void out.push({ path: '/levels', message: 'Cần ít nhất một cấp báo cáo với hạn nộp.' });
  const kinds = new Set<string>();
  levels.forEach((l: unknown, i) => {
    const path = `/levels/${i}`;
    if (!isObject(l)) return void out.push({ path, message: 'Mỗi cấp gồm loại đơn vị (kinds), tên cấp (label) và hạn nộp (deadline).' });
    if (typeof l.label !== 'string' || !l.label.trim()) out.push({ path: `${path}/label`, message: 'Thiếu tên cấp (ví dụ "trường", "Phòng GD&ĐT").' });
    if (!Array.isArray(l.kinds) || l.kinds.length === 0) out.push({ path: `${path}/kinds`, message: 'Cần ít nhất một loại đơn vị cho cấp này.' });
    else
      for (const k of l.kinds) {
        if (typeof k !== 'string' || !KIND.test(k)) out.push({ path: `${path}/kinds`, message: `Loại đơn vị "${String(k)}" không hợp lệ.` });
        else if (kinds.has(k)) out.push({ path: `${path}/kinds`, message: `Loại đơn vị "${k}" đã thuộc một cấp khác.` });
        else kinds.add(k);
      }
    lintDeadlineRule(l.deadline, `${path}/deadline`, out);
  });
}

/** Checks a regime an admin wrote; every problem in Vietnamese with the place it was found. */
export function lintRegime(input: unknown): RegimeProblem[] {
  const out: RegimeProblem[] = [];
  if (!isObject(input)) return [{ path: '', message: 'Chế độ báo cáo phải là một đối tượng JSON.' }];
  const r = input as Partial<Regime> & Record<string, unknown>;
  if (typeof r.code !== 'string' || !CODE.test(r.code)) out.push({ path: '/code', message: 'Mã chế độ báo cáo chỉ gồm chữ thường không dấu, số và gạch nối (2–63 ký tự).' });
  if (typeof r.name !== 'string' || !r.name.trim() || r.name.length > 300) out.push({ path: '/name', message: 'Tên chế độ báo cáo là bắt buộc (tối đa 300 ký tự).' });
  if (!isObject(r.template) || typeof r.template.code !== 'string' || !r.template.code)
    out.push({ path: '/template', message: 'Cần mã biểu mẫu ({"code": "…"}, có thể kèm "version").' });
  else if (r.template.version !== undefined && (!Number.isInteger(r.template.version) || r.template.version < 1))
    out.push({ path: '/template/version', message: 'Phiên bản biểu mẫu phải là số nguyên dương.' });
  if (!FREQUENCIES.includes(r.frequency as string)) out.push({ path: '/frequency', message: 'Tần suất phải là một trong: 6 tháng, năm, quý, giai đoạn nhiều năm, đột xuất.' });
  if (r.frequency === 'multi-year' && !/^\d{4}-\d{4}$/.test(String(r.firstPeriod ?? '')))
    out.push({ path: '/firstPeriod', message: 'Chế độ giai đoạn nhiều năm cần kỳ đầu tiên, ví dụ "2021-2030".' });
  if (r.halves !== undefined && (!Array.isArray(r.halves) || !r.halves.length || r.halves.some((h) => h !== 1 && h !== 2)))
    out.push({ path: '/halves', message: 'Các nửa năm phải là [1], [2] hoặc [1, 2].' });
  const perYear = r.frequency === 'year' || r.frequency === 'multi-year' || (r.frequency === 'half-year' && r.halves?.length === 1);
  if (r.cutOff !== undefined) {
    if (!isObject(r.cutOff) || !parseDayMonth(String(r.cutOff.from ?? '')) || !parseDayMonth(String(r.cutOff.to ?? '')))
      out.push({ path: '/cutOff', message: 'Ngày chốt số liệu phải có dạng {"from": "15/12", "to": "14/6"}.' });
    else if (!perYear) out.push({ path: '/cutOff', message: 'Chỉ đặt lại ngày chốt số liệu cho chế độ có một kỳ mỗi năm.' });
  }
  if (r.opens !== undefined) {
    const o = r.opens as Record<string, unknown>;
    const ok = isObject(o) && ('date' in o ? parseDayMonth(String(o.date)) !== null : Number.isInteger(o.daysBeforeFirstDeadline) && (o.daysBeforeFirstDeadline as number) >= 0 && (o.daysBeforeFirstDeadline as number) <= 365);
    if (!ok) out.push({ path: '/opens', message: 'Ngày mở đợt phải là {"daysBeforeFirstDeadline": 30} hoặc {"date": "20/5"}.' });
  }
  if (typeof r.rootUnitCode !== 'string' || !r.rootUnitCode) out.push({ path: '/rootUnitCode', message: 'Cần mã đơn vị gốc của phạm vi báo cáo.' });
  if (!isObject(r.flows) || Object.keys(r.flows).length === 0) out.push({ path: '/flows', message: 'Cần quy trình cho ít nhất một loại đơn vị.' });
  lintLevels(r.levels, out);
  if (r.recipients !== undefined && (!Array.isArray(r.recipients) || r.recipients.some((x) => typeof x !== 'string')))
    out.push({ path: '/recipients', message: 'Nơi nhận là danh sách tên cơ quan.' });
  const esc = r.escalateAfterWorkingDays;
  if (esc !== undefined && (!Number.isInteger(esc) || (esc as number) < 1 || (esc as number) > 60))
    out.push({ path: '/escalateAfterWorkingDays', message: 'Số ngày làm việc trước khi báo cấp trên phải là số nguyên từ 1 đến 60.' });
  return out;
}
