/**
 * The body of the official document: the form's schema walked in display order into outline blocks
 * (headings numbered as Vietnamese reports number them, fields, paragraphs, lists, tables).
 */
import type { DocBlock } from './types.js';
import {
  childPointer,
  childSchema,
  columnKeys,
  fieldKind,
  formatScalar,
  isEmptyValue,
  isHidden,
  isObj,
  type Json,
  orderedKeys,
  own,
  resolveSchema,
  schemaType,
  splitNumber,
  titleOf,
  uiFor,
  unitOf,
} from './schema-walk.js';
import { EMPTY } from './vi-format.js';

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function toRoman(n: number): string {
  let out = '';
  let rest = Math.max(1, Math.floor(n));
  for (const [v, s] of ROMAN) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

function toLetter(n: number): string {
  // a … z, then aa, ab … (never reached by a real outline, but never wrong either)
  let s = '';
  let k = n;
  while (k > 0) {
    k -= 1;
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26);
  }
  return s;
}

/** Outline numbering as in Vietnamese reports: "I." → "1." → "a)" → "-". */
export function outlineNumber(level: number, n: number): string {
  if (level <= 1) return `${toRoman(n)}.`;
  if (level === 2) return `${n}.`;
  if (level === 3) return `${toLetter(n)})`;
  return '-';
}

interface Ctx {
  root: Json;
  warnings: string[];
  skip: Set<string>;
  out: DocBlock[];
}

/** The body blocks of the form's data; `skip` holds the pointers bound to the header (number, date, signer). */
export function walkBody(root: Json, ui: Json, data: unknown, skip: Set<string>, warnings: string[]): DocBlock[] {
  const ctx: Ctx = { root, warnings, skip, out: [] };
  try {
    walkObject(ctx, resolveSchema(root, root), ui, data, '', 1);
  } catch (e) {
    // A schema of a shape nobody foresaw must still give a document, with what was built so far.
    warnings.push(`Không đọc hết được cấu trúc biểu mẫu: ${(e as Error).message}`);
  }
  return ctx.out;
}

interface Child {
  key: string;
  ptr: string;
  s: Json;
  u: Json;
  value: unknown;
  title: string;
  kind: ReturnType<typeof fieldKind>;
}

/** The visible children of an object schema, in display order (hidden and bound fields left out). */
function childrenOf(ctx: Ctx, schema0: Json, ui: Json, data: unknown, pointer: string): Child[] {
  // the branches this unit's data took (oneOf, if/then/else, dependentSchemas…)
  const schema = resolveSchema(schema0, ctx.root, data ?? {});
  const out: Child[] = [];
  for (const key of orderedKeys(schema, ui, data, ctx.root)) {
    const ptr = childPointer(pointer, key);
    if (ctx.skip.has(ptr)) continue;
    const value = own(data, key);
    const s = childSchema(schema, key, ctx.root, value);
    const u = uiFor(ui, key);
    if (isHidden(u)) continue;
    const kind = fieldKind(s, u, value);
    // A section whose every field is hidden or bound to the header (e.g. "Thông tin văn bản") is left out.
    if (kind === 'section' && childrenOf(ctx, s, u, value, ptr).length === 0) continue;
    out.push({ key, ptr, s, u, value, title: titleOf(s, u, key), kind });
  }
  return out;
}

/**
 * Walks an object schema into outline blocks. Sections, tables and narratives are headings; the
 * template's own numbers ("I.", "A.", "1.", "a)") are kept when its titles carry them, else the
 * headings are numbered by level.
 */
function walkObject(ctx: Ctx, schema: Json, ui: Json, data: unknown, pointer: string, level: number): void {
  const children = childrenOf(ctx, schema, ui, data, pointer);
  const isHeading = (c: Child): boolean => c.kind === 'section' || c.kind === 'table' || c.kind === 'narrative';
  const ownNumbers = children.some((c) => isHeading(c) && splitNumber(c.title).number !== null);
  let n = 0;
  for (const c of children) {
    const { s, u, value, ptr } = c;
    const heading = (): void => {
      n += 1;
      const split = splitNumber(c.title);
      const number = ownNumbers ? (split.number ?? '') : outlineNumber(level, n);
      ctx.out.push({ kind: 'heading', level, number, text: ownNumbers ? split.text : c.title, path: ptr });
    };
    switch (c.kind) {
      case 'section':
        heading();
        walkObject(ctx, s, u, value, ptr, level + 1);
        break;
      case 'table':
        heading();
        ctx.out.push(buildTable(ctx, s, u, value, ptr));
        break;
      case 'narrative': {
        heading();
        const lines = typeof value === 'string' ? value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '') : [];
        if (lines.length === 0) {
          const text = isEmptyValue(value) ? EMPTY.repeat(3) : formatScalar(s, u, value);
          ctx.out.push({ kind: 'paragraph', text, path: ptr, missing: isEmptyValue(value) });
        } else for (const text of lines) ctx.out.push({ kind: 'paragraph', text, path: ptr, missing: false });
        break;
      }
      case 'list': {
        const items = isObj(s.items) ? resolveSchema(s.items, ctx.root) : {};
        const itemsUi = uiFor(u, 'items');
        const values = Array.isArray(value) ? value.filter((v) => !isEmptyValue(v)) : [];
        const text = values.length === 0 ? EMPTY : values.map((v) => formatScalar(items, { ...itemsUi, ...u }, v)).join('; ');
        ctx.out.push({ kind: 'field', label: c.title, value: text, path: ptr, missing: values.length === 0 });
        break;
      }
      default:
        ctx.out.push({ kind: 'field', label: c.title, value: formatScalar(s, u, value), path: ptr, missing: isEmptyValue(value) });
    }
  }
}

function buildTable(ctx: Ctx, s: Json, ui: Json, value: unknown, pointer: string): DocBlock {
  const items = resolveSchema(s.items, ctx.root);
  const itemsUi = uiFor(ui, 'items');
  const cols = columnKeys(items, itemsUi, value, ctx.root)
    .map((key) => ({ key, s: childSchema(items, key, ctx.root), u: uiFor(itemsUi, key) }))
    .filter((c) => !isHidden(c.u));
  const columns = [
    { key: '#', title: 'TT', numeric: false, weight: 0 },
    ...cols.map((c) => {
      // The unit goes to the column title ("Số người tham gia (người)"), the cells keep bare numbers.
      const unit = unitOf(c.s);
      const title = titleOf(c.s, c.u, c.key);
      const type = schemaType(c.s);
      const freeText = (type === 'string' || type === undefined) && c.s.format === undefined && !Array.isArray(c.s.enum) && !Array.isArray(c.s.oneOf);
      return {
        key: c.key,
        title: unit && unit !== '%' ? `${title} (${unit})` : title,
        numeric: type === 'number' || type === 'integer',
        weight: freeText ? 3 : 1,
      };
    }),
  ];
  const rowsData = Array.isArray(value) ? value : [];
  const rows = rowsData.map((row, i) => [
    String(i + 1),
    // a row that is not an object (a schema whose rows may be anything) is printed whole in the first column
    ...(isObj(row) || cols.length === 0
      ? cols.map((c) => {
          const v = own(row, c.key);
          return isEmptyValue(v) ? '' : formatScalar(c.s, c.u, v, { unit: false });
        })
      : [formatScalar({}, {}, row), ...cols.slice(1).map(() => '')]),
  ]);
  if (rows.length === 0) rows.push(columns.map(() => EMPTY));
  return { kind: 'table', path: pointer, columns, rows };
}
