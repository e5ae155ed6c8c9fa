import { Injectable } from '@nestjs/common';
import { aggregationPlan, applyComputed, createRollUp, getAt, type JsonSchema, mergeRecompile, normalizeRule, parsePointer, type RecompileChange, schemaAt } from '@bdg/schemas';
import type { EntityManager } from 'typeorm';
import { type ChildSelection, CompileRepository, type SourcesInStatement } from './compile.repository.js';
import { RollUpPool } from './roll-up-pool.js';
import type { RollUpChild } from './worker/roll-up.task.js';
import type { CompiledInfo } from './submission.entity.js';

/** A COMPILE over more children runs as a job (TransitionsService), and its roll-up in a worker thread (RollUpPool). */
export const largeCompileChildren = () => Number(process.env.LARGE_COMPILE_CHILDREN ?? 1000);

/** Up to this many children, provenance is stored with the compiled data; above it, it is read on demand (SQL sums). */
export const inlineProvenanceLimit = () => Number(process.env.INLINE_PROVENANCE_LIMIT ?? 1000);

export interface CompileOptions {
  /** Keep what the compiling unit wrote or corrected since (mergeRecompile). */
  keep?: { rollUpSchema: JsonSchema; overwrite?: string[] };
  /**
   * A large figures-only compile leaves its `sources` (and `included`) to the statement that stores it
   * (`compiledSources`), for a caller that answers counts only: `compiled.sources` is then empty here.
   */
  sourcesInStatement?: boolean;
}

/**
 * Consolidation by the template's x-aggregate rules (the pure roll-up of @bdg/schemas), fed in batches.
 * The compiled data records how many children it includes of how many and which content it used.
 */
@Injectable()
export class CompileService {
  constructor(
    private readonly repo: CompileRepository,
    private readonly rollUps: RollUpPool,
  ) {}

  async compile(
    m: EntityManager,
    target: { roundId: string; unitId: string; data: Record<string, unknown>; compiled?: CompiledInfo | null },
    schema: JsonSchema,
    sel: ChildSelection,
    inlineLimit = inlineProvenanceLimit(),
    { keep, sourcesInStatement = false }: CompileOptions = {},
  ): Promise<{ data: Record<string, unknown>; compiled: CompiledInfo; changes: RecompileChange[]; compiledSources?: SourcesInStatement }> {
    const { total, included: includedCount } = await this.repo.countChildren(m, target.roundId, target.unitId, sel);
    const result =
      includedCount <= inlineLimit
        ? await this.inProcess(m, target, schema, sel, includedCount > largeCompileChildren())
        : await this.inSql(m, target, schema, sel, sourcesInStatement ? includedCount : null);
    // Fields the compiling unit writes itself (rule `none`) survive a new COMPILE; so do figures it corrected
    // by hand since the last one (unless the user chose to replace them).
    const merged = keep
      ? mergeRecompile(keep.rollUpSchema, target.data, target.compiled?.rolledUp, result.data as Record<string, unknown>, keep.overwrite)
      : { data: deepMerge(target.data, result.data) as Record<string, unknown>, changes: [] };
    return {
      data: merged.data,
      changes: merged.changes,
      compiled: {
        included: result.included,
        total,
        stale: false,
        compiledAt: new Date().toISOString(),
        provenance: result.provenance ?? {},
        provenanceInline: result.provenance !== null,
        sources: result.sources,
        rolledUp: result.data as Record<string, unknown>,
        kept: merged.changes.filter((c) => !c.replaced).map((c) => c.path),
      },
      ...('sourcesInStatement' in result && result.sourcesInStatement && { compiledSources: { roundId: target.roundId, parentUnitId: target.unitId, sel } }),
    };
  }

  /** Small compiles: the pure roll-up over every child, provenance kept with the result; in a worker thread when `threaded` (a job's). */
  private async inProcess(m: EntityManager, target: { roundId: string; unitId: string }, schema: JsonSchema, sel: ChildSelection, threaded: boolean) {
    if (threaded) {
      const sources: Record<string, string> = {};
      const r = await this.rollUps.rollUp(schema, this.feed(m, target, sel, sources), true);
      return { data: r.data, provenance: r.provenance as CompiledInfo['provenance'], sources, included: r.count };
    }
    const rollUp = createRollUp(schema);
    const sources: Record<string, string> = {};
    let included = 0;
    for await (const batch of this.repo.includedChildren(m, target.roundId, target.unitId, sel)) {
      for (const k of batch) {
        rollUp.add({ unitId: k.unitId, unitCode: k.unitCode, unitName: k.unitName, data: k.data, compiled: k.isCompiled });
        sources[k.id] = k.contentHash;
        included++;
      }
    }
    const r = rollUp.finish();
    return { data: r.data, provenance: r.provenance as CompiledInfo['provenance'], sources, included };
  }

  /**
   * Large compiles: numeric sums, minima and maxima outside tables in SQL; the rest (narratives, tables,
   * counts) by the pure roll-up over the children, only when the template has such fields. Ratios and
   * computed fields are then derived from the totals. Agreement with the pure path is tested.
   */
  private async inSql(m: EntityManager, target: { roundId: string; unitId: string }, schema: JsonSchema, sel: ChildSelection, countedForStatement: number | null) {
    const plan = aggregationPlan(schema);
    const numeric = /^(integer|number)(\|null)?$|^(integer|null|number)\|(integer|null|number)$/;
    const inSql = plan.filter(
      (e): e is typeof e & { rule: 'sum' | 'min' | 'max' } =>
        (e.rule === 'sum' || e.rule === 'min' || e.rule === 'max') && !e.table && !e.pointer.includes('*') && numeric.test(e.type),
    );
    const sqlPointers = new Set(inSql.map((e) => e.pointer));
    // The pure roll-up for what SQL does not cover (skipped when nothing is left, e.g. a figures-only form).
    const rest = plan.filter((e) => !e.table && !sqlPointers.has(e.pointer) && e.rule !== 'ratio' && e.rule !== 'computed');
    // Without a roll-up to feed, which children (and which content) the sums took is read beside them, or by
    // the statement that stores the result (sourcesInStatement).
    const inStatement = !rest.length && countedForStatement !== null;
    const [values, sources] = await Promise.all([
      this.repo.aggregate(
        m,
        target.roundId,
        target.unitId,
        sel,
        inSql.map((e) => ({ segments: parsePointer(e.pointer), rule: e.rule, type: e.type.split('|').includes('number') ? 'number' : 'integer' })),
      ),
      rest.length || inStatement ? ({} as Record<string, string>) : this.repo.includedHashes(target.roundId, target.unitId, sel).then((rows) => Object.fromEntries(rows.map((r) => [r.id, r.h]))),
    ]);
    let data: Record<string, unknown> = {};
    if (rest.length) {
      // the roll-up itself in a thread with a heap and a time limit (roll-up-pool.ts); here only the reading
      data = (await this.rollUps.rollUp(withoutRules(schema, sqlPointers), this.feed(m, target, sel, sources))).data;
    }
    inSql.forEach((e, i) => setIn(data, parsePointer(e.pointer), values[i] ?? null));
    // Ratios outside tables from the summed numerator and denominator; computed fields from the totals.
    for (const e of plan) {
      if (e.rule !== 'ratio' || e.relativeToRow || e.pointer.includes('*')) continue;
      const num = getIn(data, parsePointer(e.numerator!));
      const den = getIn(data, parsePointer(e.denominator!));
      setIn(data, parsePointer(e.pointer), typeof num === 'number' && typeof den === 'number' && den !== 0 ? (num / den) * (e.scale ?? 1) : null);
    }
    data = applyComputed(schema, data) as Record<string, unknown>;
    return { data, provenance: null, sources, included: inStatement ? countedForStatement : Object.keys(sources).length, sourcesInStatement: inStatement };
  }

  /** The included children, batch by batch, as the roll-up thread takes them; their content hashes into `sources`. */
  private async *feed(m: EntityManager, target: { roundId: string; unitId: string }, sel: ChildSelection, sources: Record<string, string>): AsyncGenerator<RollUpChild[]> {
    for await (const batch of this.repo.includedChildren(m, target.roundId, target.unitId, sel)) {
      for (const k of batch) sources[k.id] = k.contentHash;
      yield batch.map((k) => ({ unitId: k.unitId, unitCode: k.unitCode, unitName: k.unitName, data: k.data, compiled: k.isCompiled }));
    }
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

  /** The children a compile included, in batches (exports re-run a large compile's provenance). */
  included(ids: string[]) {
    return this.repo.included(ids);
  }

  contentHashes(ids: string[]) {
    return this.repo.contentHashes(ids);
  }
}

/** The schema with the given fields' roll-up rule set to `none` (SQL has computed them). */
function withoutRules(schema: JsonSchema, pointers: Set<string>): JsonSchema {
  const copy = structuredClone(schema);
  for (const p of pointers) {
    const field = schemaAt(copy, parsePointer(p));
    if (field) field['x-aggregate'] = 'none';
  }
  return copy;
}

function setIn(target: Record<string, unknown>, segs: string[], value: unknown) {
  let cur: Record<string, unknown> = target;
  for (const s of segs.slice(0, -1)) {
    if (typeof cur[s] !== 'object' || cur[s] === null || Array.isArray(cur[s])) cur[s] = {};
    cur = cur[s] as Record<string, unknown>;
  }
  cur[segs.at(-1)!] = value;
}

const numOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const getIn = getAt;

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
