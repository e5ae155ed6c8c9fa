import { Injectable } from '@nestjs/common';
import { createRollUp, type JsonSchema, normalizeRule, schemaAt } from '@bdg/schemas';
import type { EntityManager } from 'typeorm';
import { CompileRepository } from './compile.repository.js';
import type { CompiledInfo } from './submission.entity.js';

/** Up to this many children, provenance is stored with the compiled data; above it, it is read on demand. */
export const INLINE_PROVENANCE_LIMIT = 1000;

/**
 * Consolidation by the template's x-aggregate rules (the pure roll-up of @bdg/schemas), fed in batches.
 * The compiled data records how many children it includes of how many and which content it used.
 */
@Injectable()
export class CompileService {
  constructor(private readonly repo: CompileRepository) {}

  async compile(
    m: EntityManager,
    target: { roundId: string; unitId: string; data: Record<string, unknown> },
    schema: JsonSchema,
    states: string[],
    inlineLimit = INLINE_PROVENANCE_LIMIT,
  ): Promise<{ data: Record<string, unknown>; compiled: CompiledInfo }> {
    const total = await this.repo.countChildren(m, target.roundId, target.unitId);
    const rollUp = createRollUp(schema);
    const sources: Record<string, string> = {};
    let included = 0;
    for await (const batch of this.repo.includedChildren(m, target.roundId, target.unitId, states)) {
      for (const k of batch) {
        rollUp.add({ unitId: k.unitId, unitCode: k.unitCode, unitName: k.unitName, data: k.data, compiled: k.isCompiled });
        sources[k.id] = k.contentHash;
        included++;
      }
    }
    const result = rollUp.finish();
    const inline = included <= inlineLimit;
    return {
      // Fields the compiling unit writes itself (rule `none`) survive a new COMPILE.
      data: deepMerge(target.data, result.data) as Record<string, unknown>,
      compiled: {
        included,
        total,
        stale: false,
        compiledAt: new Date().toISOString(),
        provenance: inline ? (result.provenance as CompiledInfo['provenance']) : {},
        provenanceInline: inline,
        sources,
      },
    };
  }

  /**
   * Which units made a figure. Stored provenance when small; otherwise read from the included children:
   * a scalar path directly, a table cell by the row's key.
   */
  async sources(compiled: CompiledInfo, compiledData: unknown, path: string, schema: JsonSchema) {
    if (compiled.provenanceInline !== false) return compiled.provenance[path] ?? null;
    const ids = Object.keys(compiled.sources);
    const segs = path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const rowAt = segs.findIndex((s) => /^\d+$/.test(s));
    const field = schemaAt(schema, segs.map((s, i) => (i === rowAt ? '*' : s)));
    const rule = field ? normalizeRule(field) : null;
    if (rule?.kind === 'ratio' && rowAt < 0) {
      // As the roll-up records a ratio: each unit's numerator and denominator, not its percentage.
      const ptr = (p: string) => p.split('/').slice(1);
      const [num, den] = await Promise.all([this.repo.valuesAt(ids, ptr(rule.numerator)), this.repo.valuesAt(ids, ptr(rule.denominator))]);
      const dens = new Map(den.map((d) => [d.unitId, d.value]));
      return num
        .map((n) => ({ ...n, value: { numerator: numOrNull(n.value), denominator: numOrNull(dens.get(n.unitId)) } }))
        .filter((n) => n.value.numerator !== null || n.value.denominator !== null);
    }
    if (rowAt < 0) return (await this.repo.valuesAt(ids, segs)).filter((r) => r.value !== null);
    // A table: find the consolidated row's key, then each child's row with that key.
    const tableSegs = segs.slice(0, rowAt);
    const tableRule = normalizeRule(schemaAt(schema, tableSegs) ?? {});
    const row = getIn(compiledData, segs.slice(0, rowAt + 1)) as Record<string, unknown> | undefined;
    if (!row || tableRule.kind !== 'groupBy') return null;
    const keyName = tableRule.groupBy;
    const rest = segs.slice(rowAt + 1);
    const out = [];
    for (const r of await this.repo.valuesAt(ids, tableSegs)) {
      if (!Array.isArray(r.value)) continue;
      const match = r.value.find((x) => (x as Record<string, unknown>)?.[keyName] === row[keyName]);
      if (match === undefined) continue;
      if (rule?.kind === 'ratio') {
        const value = { numerator: numOrNull(getIn(match, rule.numerator.split('/').slice(1))), denominator: numOrNull(getIn(match, rule.denominator.split('/').slice(1))) };
        if (value.numerator !== null || value.denominator !== null) out.push({ ...r, value });
      } else {
        const value = getIn(match, rest);
        if (value !== undefined && value !== null && value !== '') out.push({ ...r, value });
      }
    }
    return out;
  }

  contentHashes(ids: string[]) {
    return this.repo.contentHashes(ids);
  }
}

const numOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function getIn(v: unknown, segs: string[]): unknown {
  let cur = v;
  for (const s of segs) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[s];
  }
  return cur;
}

export function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (isPlainObject(base) && isPlainObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
    return out;
  }
  return over;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
