/**
 * Where the flow builder reaches into @bdg/workflows for lint, simulation and the vocabulary.
 * Written while the package was being written in parallel: each export is looked up by name so
 * the builder still works (with local structural checks) if one is missing. The template
 * builder imports @bdg/schemas directly.
 */
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
