import { parsePointer } from './pointer.js';
import { schemaPath } from './walker.js';
import type { JsonSchema } from './types.js';

export interface TitleParts {
  /** Tiêu đề của chính trường (hoặc tên thuộc tính khi không có tiêu đề) */
  field: string;
  /** Ngữ cảnh: các mục chứa trường, từ ngoài vào trong, và số dòng nếu trong bảng */
  context: string;
}

export function titleParts(schema: JsonSchema, pointer: string): TitleParts {
  let segs: string[];
  try {
    segs = parsePointer(pointer);
  } catch {
    return { field: pointer, context: '' };
  }
  if (segs.length === 0) return { field: typeof schema.title === 'string' ? schema.title : 'Biểu mẫu', context: '' };
  const steps = schemaPath(schema, segs);
  const last = steps[steps.length - 1]!;
  const field = last.isItem
    ? rowLabel(last.segment)
    : typeof last.schema?.title === 'string'
      ? last.schema.title
      : last.segment;
  const ctx: string[] = [];
  for (let i = 0; i < steps.length - 1; i++) {
    const st = steps[i]!;
    if (st.isItem) ctx.push(rowLabel(st.segment));
    else ctx.push(typeof st.schema?.title === 'string' ? st.schema.title : st.segment);
  }
  return { field, context: ctx.join(' › ') };
}

function rowLabel(seg: string): string {
  return /^\d+$/.test(seg) ? `dòng ${Number(seg) + 1}` : 'dòng';
}

/** "Tổng số CB-GV-NV (I. Tình hình chung)": tiêu đề trường kèm các mục chứa nó. */
export function fieldTitle(schema: JsonSchema, pointer: string): string {
  const { field, context } = titleParts(schema, pointer);
  return context ? `${field} (${context})` : field;
}
