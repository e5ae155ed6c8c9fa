/**
 * The flow builder's view of @bdg/workflows: lint, simulation and the vocabulary, imported statically
 * (a renamed export breaks the build, not the screen). The template builder imports @bdg/schemas directly.
 */
import { actionVocabulary as actions, guardVocabulary as guards, lintFlow, simulate } from '@bdg/workflows';

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

export function lintFlowDef(def: unknown): Finding[] {
  try {
    return normalizeFindings(lintFlow(def));
  } catch (e) {
    return [{ severity: 'error', path: '', message: `Không kiểm tra được quy trình: ${(e as Error).message}` }];
  }
}

export function simulateFlow(def: unknown): SimPath[] | null {
  try {
    return simulate(def as Parameters<typeof simulate>[0]);
  } catch {
    return null;
  }
}

const entry = (d: { name: string; label: string; description?: string; params?: unknown }): VocabularyEntry => ({
  name: d.name,
  label: d.label,
  description: d.description,
  params: d.params as Record<string, unknown> | undefined,
});

export function guardVocabulary(): VocabularyEntry[] {
  return guards.map(entry);
}
export function actionVocabulary(): VocabularyEntry[] {
  return actions.map(entry);
}
