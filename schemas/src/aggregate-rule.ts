/** Đọc và chuẩn hoá x-aggregate. */
import { isPlainObject } from './pointer.js';
import type { AggregateKind, JsonSchema } from './types.js';

export const AGGREGATE_KINDS: readonly AggregateKind[] = ['sum', 'count', 'countTrue', 'min', 'max', 'concat', 'first', 'none'];

export type NormalizedRule =
  | { kind: AggregateKind }
  | { kind: 'ratio'; numerator: string; denominator: string; scale: number }
  | { kind: 'groupBy'; groupBy: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'unset' };

export function normalizeRule(s: JsonSchema): NormalizedRule {
  const r = s['x-aggregate'];
  if (r === undefined) return { kind: 'unset' };
  if (typeof r === 'string') {
    return (AGGREGATE_KINDS as readonly string[]).includes(r)
      ? { kind: r as AggregateKind }
      : { kind: 'invalid', message: `Kiểu tổng hợp "${r}" không được hỗ trợ (dùng: ${AGGREGATE_KINDS.join(', ')}, ratio, groupBy).` };
  }
  if (isPlainObject(r)) {
    const keys = Object.keys(r);
    if (keys.length === 1 && keys[0] === 'ratio') {
      const q = r.ratio;
      if (!isPlainObject(q)) return { kind: 'invalid', message: 'ratio phải là một đối tượng {numerator, denominator, scale}.' };
      if (typeof q.numerator !== 'string' || typeof q.denominator !== 'string')
        return { kind: 'invalid', message: 'ratio phải có cả tử số (numerator) và mẫu số (denominator) là JSON Pointer.' };
      if (q.scale !== undefined && (typeof q.scale !== 'number' || !Number.isFinite(q.scale)))
        return { kind: 'invalid', message: 'scale của ratio phải là một số.' };
      const extra = Object.keys(q).filter((k) => !['numerator', 'denominator', 'scale'].includes(k));
      if (extra.length) return { kind: 'invalid', message: `ratio có khoá lạ: ${extra.join(', ')}.` };
      return { kind: 'ratio', numerator: q.numerator, denominator: q.denominator, scale: (q.scale as number | undefined) ?? 1 };
    }
    if (keys.length === 1 && keys[0] === 'groupBy') {
      if (typeof r.groupBy !== 'string' || r.groupBy === '') return { kind: 'invalid', message: 'groupBy phải là tên một cột.' };
      return { kind: 'groupBy', groupBy: r.groupBy };
    }
    return { kind: 'invalid', message: `Quy tắc tổng hợp không nhận ra: ${JSON.stringify(r).slice(0, 120)}.` };
  }
  return { kind: 'invalid', message: 'x-aggregate phải là chuỗi hoặc đối tượng.' };
}
