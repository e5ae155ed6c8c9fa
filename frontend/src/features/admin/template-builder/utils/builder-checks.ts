/**
 * Checks the builder itself needs (names, titles, choices, bounds, references) so that an
 * admin sees a problem beside the field while typing. The template's semantic lint lives in
 * @bdg/schemas (lintTemplate) and is shown alongside; these never replace it.
 */
import { escapeSegment } from '@bdg/schemas';
import type { Finding } from '../../domain/bdg';
import { isValidKey, type FieldNode, type TemplateModel } from './field-model';
import { checkExpression } from './expression';
import { numericPointers } from './tree-ops';

type Report = (severity: Finding['severity'], message: string) => void;

function nameAndShape(n: FieldNode, seen: Set<string>, report: Report): void {
  if (!isValidKey(n.key)) report('error', `Tên trường “${n.key}” chỉ được gồm chữ không dấu, số và _, không bắt đầu bằng số.`);
  if (seen.has(n.key)) report('error', `Tên trường “${n.key}” bị trùng trong cùng mục.`);
  seen.add(n.key);
  if (!n.title.trim()) report('warning', 'Chưa có tiêu đề hiển thị cho người điền.');
  if (n.kind === 'choice') {
    const vals = (n.choices ?? []).map((c) => c.value);
    if (!vals.length) report('error', 'Danh sách lựa chọn đang trống.');
    if (new Set(vals).size !== vals.length) report('error', 'Hai lựa chọn có cùng giá trị.');
  }
  if ((n.kind === 'section' || n.kind === 'table') && !n.children.length)
    report('warning', n.kind === 'table' ? 'Bảng chưa có cột nào.' : 'Mục chưa có câu hỏi nào.');
}

const BOUNDS = [
  ['minimum', 'maximum', 'giá trị'],
  ['minLength', 'maxLength', 'độ dài'],
  ['minItems', 'maxItems', 'số dòng'],
] as const;

function bounds(n: FieldNode, report: Report): void {
  for (const [lo, hi, label] of BOUNDS) {
    const a = n[lo];
    const b = n[hi];
    if (a !== undefined && b !== undefined && a > b) report('error', `Giới hạn ${label}: nhỏ nhất (${a}) lớn hơn lớn nhất (${b}).`);
  }
}

/** A ratio names numeric fields (of the row, inside a table); a grouping names a column of its table. */
function aggregate(n: FieldNode, numeric: Set<string>, report: Report): void {
  const agg = n.aggregate;
  if (agg && typeof agg === 'object' && 'ratio' in agg) {
    for (const part of ['numerator', 'denominator'] as const) {
      const p = agg.ratio[part];
      if (!p) report('error', `Tỉ lệ: chưa chọn ${part === 'numerator' ? 'tử số' : 'mẫu số'}.`);
      else if (!numeric.has(p)) report('error', `Tỉ lệ: “${p}” không trỏ tới một trường số.`);
    }
  }
  if (agg && typeof agg === 'object' && 'groupBy' in agg) {
    if (n.kind !== 'table') report('error', 'Gộp dòng (groupBy) chỉ dùng cho bảng.');
    else if (!n.children.some((c) => c.key === agg.groupBy)) report('error', `Gộp dòng theo cột “${agg.groupBy}” không có trong bảng.`);
  }
}

export function builderChecks(model: TemplateModel): Finding[] {
  const out: Finding[] = [];
  const pointers = new Set(numericPointers(model).map((p) => p.pointer));
  // Inside a table, a ratio's pointers are relative to the row (its numeric columns), as in the roll-up.
  const walk = (list: FieldNode[], prefix: string, siblingsScope: FieldNode[], rowPointers?: Set<string>) => {
    const seen = new Set<string>();
    for (const n of list) {
      const path = `${prefix}/${escapeSegment(n.key)}`;
      const report: Report = (severity, message) => out.push({ severity, path, message });
      nameAndShape(n, seen, report);
      bounds(n, report);
      aggregate(n, rowPointers ?? pointers, report);
      if (n.computed !== undefined) {
        const res = checkExpression(n.computed, model, siblingsScope);
        if (!res.ok) report('error', `Công thức: ${res.message}`);
      }
      const row = n.kind === 'table' ? new Set(n.children.filter((c) => c.kind === 'number' || c.kind === 'integer').map((c) => `/${escapeSegment(c.key)}`)) : rowPointers;
      walk(n.children, n.kind === 'table' ? `${path}/-` : path, n.children, row);
    }
  };
  walk(model.fields, '', model.fields);
  return out;
}
