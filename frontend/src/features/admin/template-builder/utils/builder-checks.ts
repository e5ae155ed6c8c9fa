/**
 * Checks the builder itself needs (names, titles, choices, bounds, references) so that an
 * admin sees a problem beside the field while typing. The template's semantic lint lives in
 * @bdg/schemas (lintTemplate) and is shown alongside; these never replace it.
 */
import type { Finding } from '../../domain/bdg';
import { isValidKey, type FieldNode, type TemplateModel } from './field-model';
import { checkExpression } from './expression';
import { numericPointers } from './tree-ops';

export function builderChecks(model: TemplateModel): Finding[] {
  const out: Finding[] = [];
  const pointers = new Set(numericPointers(model).map((p) => p.pointer));
  // Inside a table, a ratio's pointers are relative to the row (its numeric columns), as in the roll-up.
  const walk = (list: FieldNode[], prefix: string, siblingsScope: FieldNode[], rowPointers?: Set<string>) => {
    const seen = new Set<string>();
    for (const n of list) {
      const path = `${prefix}/${n.key}`;
      if (!isValidKey(n.key)) {
        out.push({
          severity: 'error',
          path,
          message: `Tên trường “${n.key}” chỉ được gồm chữ không dấu, số và _, không bắt đầu bằng số.`,
        });
      }
      if (seen.has(n.key))
        out.push({ severity: 'error', path, message: `Tên trường “${n.key}” bị trùng trong cùng mục.` });
      seen.add(n.key);
      if (!n.title.trim())
        out.push({ severity: 'warning', path, message: 'Chưa có tiêu đề hiển thị cho người điền.' });
      if (n.kind === 'choice' && !(n.choices ?? []).length)
        out.push({ severity: 'error', path, message: 'Danh sách lựa chọn đang trống.' });
      if (n.kind === 'choice') {
        const vals = (n.choices ?? []).map((c) => c.value);
        if (new Set(vals).size !== vals.length)
          out.push({ severity: 'error', path, message: 'Hai lựa chọn có cùng giá trị.' });
      }
      if ((n.kind === 'section' || n.kind === 'table') && !n.children.length) {
        out.push({
          severity: 'warning',
          path,
          message: n.kind === 'table' ? 'Bảng chưa có cột nào.' : 'Mục chưa có câu hỏi nào.',
        });
      }
      for (const [lo, hi, label] of [
        ['minimum', 'maximum', 'giá trị'],
        ['minLength', 'maxLength', 'độ dài'],
        ['minItems', 'maxItems', 'số dòng'],
      ] as const) {
        const a = n[lo];
        const b = n[hi];
        if (a !== undefined && b !== undefined && a > b)
          out.push({
            severity: 'error',
            path,
            message: `Giới hạn ${label}: nhỏ nhất (${a}) lớn hơn lớn nhất (${b}).`,
          });
      }
      const agg = n.aggregate;
      if (agg && typeof agg === 'object' && 'ratio' in agg) {
        for (const part of ['numerator', 'denominator'] as const) {
          const p = agg.ratio[part];
          if (!p)
            out.push({
              severity: 'error',
              path,
              message: `Tỉ lệ: chưa chọn ${part === 'numerator' ? 'tử số' : 'mẫu số'}.`,
            });
          else if (!(rowPointers ? rowPointers.has(p) : pointers.has(p)))
            out.push({ severity: 'error', path, message: `Tỉ lệ: “${p}” không trỏ tới một trường số.` });
        }
      }
      if (agg && typeof agg === 'object' && 'groupBy' in agg) {
        if (n.kind !== 'table')
          out.push({ severity: 'error', path, message: 'Gộp dòng (groupBy) chỉ dùng cho bảng.' });
        else if (!n.children.some((c) => c.key === agg.groupBy))
          out.push({
            severity: 'error',
            path,
            message: `Gộp dòng theo cột “${agg.groupBy}” không có trong bảng.`,
          });
      }
      if (n.computed !== undefined) {
        const res = checkExpression(n.computed, model, siblingsScope);
        if (!res.ok) out.push({ severity: 'error', path, message: `Công thức: ${res.message}` });
      }
      const row =
        n.kind === 'table'
          ? new Set(n.children.filter((c) => c.kind === 'number' || c.kind === 'integer').map((c) => `/${c.key}`))
          : rowPointers;
      walk(n.children, n.kind === 'table' ? `${path}/-` : path, n.children, row);
    }
  };
  walk(model.fields, '', model.fields);
  return out;
}
