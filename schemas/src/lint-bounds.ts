/**
 * Lint of a template's cost: every pattern must run on the linear engine, every array and string has
 * an upper bound (or gets the product default, said as a warning), and no bound goes above the ceilings,
 * so the worst body a published template accepts is known when it is published.
 */
import {
  DEFAULT_MAX_ITEMS,
  DEFAULT_MAX_LENGTH,
  LIMIT_ENUM_VALUES,
  LIMIT_MAX_ITEMS,
  LIMIT_MAX_LENGTH,
  LIMIT_PATTERN_LENGTH,
  LIMIT_TOTAL_ROWS,
  isArrayNode,
  isStringNode,
} from './bounds.js';
import { linearPatternProblem } from './linear-keywords.js';
import { escapeSegment, isPlainObject, toPointer } from './pointer.js';
import { fieldTitle } from './titles.js';
import type { Finding, JsonSchema } from './types.js';

const fmt = (n: number): string => n.toLocaleString('vi-VN');

interface Node {
  s: Record<string, unknown>;
  /** pointer of the subschema inside the template file */
  loc: string;
  /** data segments ('*' for a row) that name the field */
  segs: string[];
  /** worst number of rows above this node (product of the enclosing arrays' maxItems) */
  rows: number;
}

export function lintBounds(schema: JsonSchema): Finding[] {
  const out: Finding[] = [];
  const err = (path: string, message: string): void => void out.push({ severity: 'error', path, message });
  const warn = (path: string, message: string): void => void out.push({ severity: 'warning', path, message });
  // the field's title with its context, as every other lint message names it
  const label = (n: Node): string =>
    `"${n.segs.length ? fieldTitle(schema, toPointer(n.segs)) : typeof n.s.title === 'string' && n.s.title.trim() ? n.s.title : 'Biểu mẫu'}"`;

  const checkPattern = (n: Node, pattern: string, where: string, what: string): void => {
    if (pattern.length > LIMIT_PATTERN_LENGTH) {
      err(where, `${what} của ${label(n)} dài ${fmt(pattern.length)} ký tự, vượt giới hạn ${fmt(LIMIT_PATTERN_LENGTH)} ký tự.`);
      return;
    }
    const problem = linearPatternProblem(pattern);
    if (problem)
      err(where, `${what} "${pattern}" của ${label(n)} không chạy được bằng bộ kiểm tra thời gian tuyến tính (RE2): không dùng tham chiếu ngược (\\1) hay nhìn trước/nhìn sau (?=, ?!, ?<=). Chi tiết: ${problem}`);
  };

  const visit = (n: Node, depth: number): void => {
    const { s, loc } = n;
    if (depth > 64) return;
    if (typeof s.pattern === 'string') checkPattern(n, s.pattern, `${loc}/pattern`, 'Mẫu kiểm tra (pattern)');
    if (isPlainObject(s.patternProperties))
      for (const p of Object.keys(s.patternProperties)) checkPattern(n, p, `${loc}/patternProperties/${escapeSegment(p)}`, 'Mẫu tên mục (patternProperties)');
    if (Array.isArray(s.enum) && s.enum.length > LIMIT_ENUM_VALUES)
      err(`${loc}/enum`, `Danh sách giá trị của ${label(n)} có ${fmt(s.enum.length)} mục, vượt giới hạn ${fmt(LIMIT_ENUM_VALUES)} mục.`);
    let rows = n.rows;
    if (isArrayNode(s)) {
      const max = typeof s.maxItems === 'number' ? s.maxItems : undefined;
      if (max === undefined) warn(loc, `Bảng ${label(n)} chưa khai báo số dòng tối đa (maxItems): áp dụng mặc định ${fmt(DEFAULT_MAX_ITEMS)} dòng.`);
      else if (max > LIMIT_MAX_ITEMS) err(`${loc}/maxItems`, `Bảng ${label(n)} cho phép ${fmt(max)} dòng, vượt giới hạn ${fmt(LIMIT_MAX_ITEMS)} dòng.`);
      rows *= max ?? DEFAULT_MAX_ITEMS;
      if (rows > LIMIT_TOTAL_ROWS && n.rows <= LIMIT_TOTAL_ROWS)
        err(loc, `Bảng ${label(n)} lồng trong bảng khác có thể tới ${fmt(rows)} dòng, vượt giới hạn ${fmt(LIMIT_TOTAL_ROWS)} dòng cho cả biểu mẫu; hãy giảm maxItems.`);
    }
    if (isStringNode(s)) {
      const max = typeof s.maxLength === 'number' ? s.maxLength : undefined;
      // a format (date, e-mail…) already bounds the text; the default still applies in validation
      if (max === undefined && s.format === undefined) warn(loc, `Trường ${label(n)} chưa khai báo độ dài tối đa (maxLength): áp dụng mặc định ${fmt(DEFAULT_MAX_LENGTH)} ký tự.`);
      else if (max !== undefined && max > LIMIT_MAX_LENGTH) err(`${loc}/maxLength`, `Trường ${label(n)} cho phép ${fmt(max)} ký tự, vượt giới hạn ${fmt(LIMIT_MAX_LENGTH)} ký tự.`);
    }
    const child = (x: unknown, at: string, segs: string[]): void => {
      if (isPlainObject(x)) visit({ s: x, loc: `${loc}/${at}`, segs, rows }, depth + 1);
    };
    if (isPlainObject(s.properties)) for (const [k, x] of Object.entries(s.properties)) child(x, `properties/${escapeSegment(k)}`, [...n.segs, k]);
    if (isPlainObject(s.patternProperties))
      for (const [k, x] of Object.entries(s.patternProperties)) child(x, `patternProperties/${escapeSegment(k)}`, n.segs);
    if (isPlainObject(s.$defs)) for (const [k, x] of Object.entries(s.$defs)) visit({ s: x as Record<string, unknown>, loc: `${loc}/$defs/${escapeSegment(k)}`, segs: [], rows: 1 }, depth + 1);
    child(s.items, 'items', [...n.segs, '*']);
    child(s.additionalProperties, 'additionalProperties', n.segs);
    for (const k of ['allOf', 'anyOf', 'oneOf', 'prefixItems'])
      if (Array.isArray(s[k])) (s[k] as unknown[]).forEach((x, i) => child(x, `${k}/${i}`, k === 'prefixItems' ? [...n.segs, String(i)] : n.segs));
    for (const k of ['if', 'then', 'else', 'not', 'contains']) child(s[k], k, n.segs);
  };
  visit({ s: schema as Record<string, unknown>, loc: '/schema', segs: [], rows: 1 }, 0);
  return out;
}
