/** Everything the builder reports on the template being edited: its own checks, the package lint, the server's findings. */
import { useDeferredValue, useMemo } from 'react';
import { lintTemplate } from '@bdg/schemas';
import { normalizeFindings, type Finding } from '../../domain/bdg';
import type { TemplateVersion } from '../../api/types';
import { builderChecks } from '../utils/builder-checks';
import type { JsonObject, TemplateModel } from '../utils/field-model';
import { locate, nodeIdForPath } from '../utils/tree-ops';

export type PlacedFinding = Finding & { nodeId: string | null; fieldTitle?: string };

interface Input {
  tv: Pick<TemplateVersion, 'code' | 'version'>;
  title: string;
  periodKind: string;
  schema: JsonObject;
  uiSchema: JsonObject;
  model: TemplateModel;
  document: unknown;
  serverIssues: Finding[];
}

function lintFindings(doc: Record<string, unknown>): Finding[] {
  try {
    return normalizeFindings(lintTemplate(doc));
  } catch (e) {
    return [{ severity: 'error', path: '', message: `Không kiểm tra được biểu mẫu: ${(e as Error).message}` }];
  }
}

/** Each finding once, placed on the field it is about (with the field's title). */
function placeFindings(model: TemplateModel, list: Finding[]): PlacedFinding[] {
  const seen = new Set<string>();
  const out: PlacedFinding[] = [];
  for (const f of list) {
    const k = `${f.severity}|${f.path}|${f.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const nodeId = nodeIdForPath(model, f.path);
    const node = nodeId ? locate(model, nodeId)?.node : undefined;
    out.push({ ...f, nodeId, fieldTitle: node ? node.title || node.key : undefined });
  }
  return out;
}

export function useTemplateFindings({ tv, title, periodKind, schema, uiSchema, model, document, serverIssues }: Input) {
  const deferredDoc = useDeferredValue(useMemo(() => ({ schema, uiSchema }), [schema, uiSchema]));
  const findings = useMemo(() => {
    const doc = { code: tv.code, version: tv.version, title, periodKind, schema: deferredDoc.schema, uiSchema: deferredDoc.uiSchema, document };
    return placeFindings(model, [...builderChecks(model), ...lintFindings(doc), ...serverIssues]);
  }, [deferredDoc, model, document, title, periodKind, tv.code, tv.version, serverIssues]);
  const findingsByNode = useMemo(() => {
    const m = new Map<string, Finding[]>();
    for (const f of findings) if (f.nodeId) m.set(f.nodeId, [...(m.get(f.nodeId) ?? []), f]);
    return m;
  }, [findings]);
  const errorCount = findings.filter((f) => f.severity === 'error').length;
  return { findings, findingsByNode, errorCount };
}
