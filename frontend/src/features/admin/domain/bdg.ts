/**
 * The one place the admin area reaches into the pure workspace packages (@bdg/schemas,
 * @bdg/workflows). They are written in parallel; each function is looked up by name so that
 * the builder works (with reduced checks) before an export lands, and typed here once.
 */
import * as schemasPkg from '@bdg/schemas';
import * as workflowsPkg from '@bdg/workflows';

export type Severity = 'error' | 'warning' | 'info';
export interface Finding {
  severity: Severity;
  path: string;
  message: string;
  /** Flow lint may name the state or transition it is about. */
  state?: string;
  event?: string;
}

export interface SimStep {
  from: string;
  event: string;
  eventLabel?: string;
  to: string;
  guards?: unknown[];
  actions?: unknown[];
}
export interface SimPath {
  target: string;
  steps: SimStep[];
}

export interface VocabularyEntry {
  name: string;
  label: string;
  description?: string;
  params?: Record<string, unknown>;
}

export interface TemplateDiffEntry {
  kind?: string;
  change?: string;
  path: string;
  title?: string;
  message?: string;
  [k: string]: unknown;
}

type AnyFn = (...args: never[]) => unknown;
function pick<T extends AnyFn>(mod: unknown, name: string): T | undefined {
  const v = (mod as Record<string, unknown>)[name];
  return typeof v === 'function' ? (v as T) : undefined;
}
function pickValue<T>(mod: unknown, name: string): T | undefined {
  return (mod as Record<string, unknown>)[name] as T | undefined;
}

export function normalizeFindings(raw: unknown): Finding[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((f) => {
    const o = (f ?? {}) as Record<string, unknown>;
    const sev =
      o.severity === 'warning' || o.severity === 'info'
        ? o.severity
        : o.severity === 'error'
          ? 'error'
          : 'error';
    return {
      ...(o as object),
      severity: sev,
      path: typeof o.path === 'string' ? o.path : '',
      message: typeof o.message === 'string' ? o.message : String(o.message ?? ''),
    } as Finding;
  });
}

/** Lint of a template document `{schema, uiSchema, …}`; [] when the package has no linter yet. */
export function lintTemplateDoc(doc: Record<string, unknown>): Finding[] {
  const fn = pick<(d: unknown) => unknown>(schemasPkg, 'lintTemplate');
  if (!fn) return [];
  try {
    return normalizeFindings(fn(doc));
  } catch (e) {
    return [
      { severity: 'error', path: '', message: `Không kiểm tra được biểu mẫu: ${(e as Error).message}` },
    ];
  }
}

export function hasTemplateLinter(): boolean {
  return !!pick(schemasPkg, 'lintTemplate');
}

export function diffTemplateSchemas(from: unknown, to: unknown): TemplateDiffEntry[] | null {
  const fn = pick<(a: unknown, b: unknown) => unknown>(schemasPkg, 'diffTemplates');
  if (!fn) return null;
  const out = fn(from, to);
  if (Array.isArray(out)) return out as TemplateDiffEntry[];
  if (out && typeof out === 'object') {
    // Accept {added, removed, changed} as well as a flat list.
    const o = out as Record<string, unknown>;
    const list: TemplateDiffEntry[] = [];
    for (const k of ['added', 'removed', 'changed', 'renamed', 'retyped']) {
      if (Array.isArray(o[k])) {
        for (const e of o[k] as unknown[]) {
          list.push(
            typeof e === 'string'
              ? { change: k, path: e }
              : ({ change: k, ...(e as object) } as TemplateDiffEntry),
          );
        }
      }
    }
    if (Array.isArray(o.changes)) list.push(...(o.changes as TemplateDiffEntry[]));
    return list;
  }
  return [];
}

export interface CarryResult {
  data: unknown;
  notCarried: { path: string; reason?: string; message?: string }[];
}
export function carryForwardPreview(from: unknown, to: unknown, data: unknown): CarryResult | null {
  const fn = pick<(a: unknown, b: unknown, d: unknown) => unknown>(schemasPkg, 'carryForward');
  if (!fn) return null;
  const out = fn(from, to, data) as Partial<CarryResult> | undefined;
  const nc = Array.isArray(out?.notCarried) ? out.notCarried : [];
  return {
    data: out?.data ?? {},
    notCarried: nc.map((x) =>
      typeof x === 'string' ? { path: x } : (x as CarryResult['notCarried'][number]),
    ),
  };
}

/** Fill computed fields (x-computed) of sample data, when the package can. */
export function applyComputedFields(schema: unknown, data: unknown): unknown {
  const fn = pick<(s: unknown, d: unknown) => unknown>(schemasPkg, 'applyComputed');
  if (!fn) return data;
  try {
    const out = fn(schema, data);
    if (out && typeof out === 'object' && 'data' in (out as object)) return (out as { data: unknown }).data;
    return out ?? data;
  } catch {
    return data;
  }
}

/** The shared validator for RJSF (2020-12 aware), when the package provides one. */
export function sharedValidator(): unknown {
  const fn = pick<() => unknown>(schemasPkg, 'getValidator');
  if (!fn) return undefined;
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/* ---------------- flows ---------------- */

export function hasFlowLinter(): boolean {
  return !!pick(workflowsPkg, 'lintFlow');
}

export function lintFlowDef(def: unknown): Finding[] {
  const fn = pick<(d: unknown) => unknown>(workflowsPkg, 'lintFlow');
  if (!fn) return [];
  try {
    return normalizeFindings(fn(def));
  } catch (e) {
    return [
      { severity: 'error', path: '', message: `Không kiểm tra được quy trình: ${(e as Error).message}` },
    ];
  }
}

export function simulateFlow(def: unknown): SimPath[] | null {
  const fn = pick<(d: unknown) => unknown>(workflowsPkg, 'simulate');
  if (!fn) return null;
  try {
    const out = fn(def);
    const list = Array.isArray(out)
      ? out
      : Array.isArray((out as { paths?: unknown })?.paths)
        ? (out as { paths: unknown[] }).paths
        : [];
    return list as SimPath[];
  } catch {
    return null;
  }
}

function vocabulary(name: string): VocabularyEntry[] {
  const v = pickValue<unknown>(workflowsPkg, name);
  if (Array.isArray(v)) return v as VocabularyEntry[];
  if (v && typeof v === 'object') {
    return Object.entries(v as Record<string, Record<string, unknown>>).map(([k, d]) => ({
      name: typeof d.name === 'string' ? d.name : k,
      label: typeof d.label === 'string' ? d.label : k,
      description: typeof d.description === 'string' ? d.description : undefined,
      params: (d.params ?? d.paramsSchema) as Record<string, unknown> | undefined,
    }));
  }
  return [];
}

/** Fallback vocabulary (DESIGN.md §3) until @bdg/workflows exports its descriptors. */
const FALLBACK_GUARDS: VocabularyEntry[] = [
  {
    name: 'hasRole',
    label: 'Người thực hiện có vai trò',
    params: {
      type: 'object',
      properties: {
        role: { type: 'string', title: 'Vai trò', enum: ['editor', 'head', 'reviewer', 'admin'] },
      },
      required: ['role'],
    },
  },
  { name: 'formIsValid', label: 'Biểu mẫu hợp lệ và đầy đủ' },
  { name: 'childrenAccepted', label: 'Các đơn vị cấp dưới đã được duyệt' },
  { name: 'beforeDeadline', label: 'Còn trong hạn' },
  { name: 'hasComment', label: 'Có ý kiến kèm theo' },
];
const FALLBACK_ACTIONS: VocabularyEntry[] = [
  { name: 'lockData', label: 'Khoá dữ liệu' },
  { name: 'unlockData', label: 'Mở khoá dữ liệu' },
  { name: 'sign', label: 'Ký số nội dung' },
  { name: 'compileChildren', label: 'Tổng hợp từ đơn vị cấp dưới' },
  {
    name: 'notify',
    label: 'Gửi thông báo',
    params: {
      type: 'object',
      properties: { to: { type: 'string', title: 'Gửi tới', enum: ['parent', 'unit', 'children'] } },
    },
  },
];

export function guardVocabulary(): VocabularyEntry[] {
  const v = vocabulary('guardVocabulary');
  return v.length ? v : FALLBACK_GUARDS;
}
export function actionVocabulary(): VocabularyEntry[] {
  const v = vocabulary('actionVocabulary');
  return v.length ? v : FALLBACK_ACTIONS;
}

export function stateLabelOf(def: unknown, state: string): string {
  const fn = pick<(d: unknown, s: string) => unknown>(workflowsPkg, 'stateLabel');
  if (fn) {
    try {
      const l = fn(def, state);
      if (typeof l === 'string' && l) return l;
    } catch {
      /* fall through */
    }
  }
  const st = ((def as { states?: Record<string, { meta?: { label?: unknown } }> })?.states ?? {})[state];
  const l = st?.meta?.label;
  return typeof l === 'string' && l ? l : state;
}
