import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { orgQueries } from '../org/org-queries.js';

export interface CompileChild {
  id: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  data: unknown;
  isCompiled: boolean;
  /** SHA-256 of the stored jsonb text: which version of the child the figures came from. */
  contentHash: string;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A numeric field summed (or its minimum, maximum) in SQL: its path and whether the form says integer or number. */
export interface AggregateField {
  segments: string[];
  rule: 'sum' | 'min' | 'max';
  type: 'integer' | 'number';
}

/** Which children a compile takes in: those whose state carries one of `tags`, or (old flows) is named in `states`. */
export interface ChildSelection {
  tags: string[];
  states: string[];
}
/** The content hash of a submission's data: kept beside it when written (migration SubmissionDataHash), else computed. */
const CONTENT_HASH = (alias: string) => `coalesce(${alias}.data_hash, encode(sha256(convert_to(${alias}.data::text, 'UTF8')), 'hex'))`;
const includedAt = (alias: string, tags: string, states: string) => `(${alias}.state_tags && ${tags}::text[] OR ${alias}.state = ANY(${states}::text[]))`;
const INCLUDED = (alias: string, tagsParam: number, statesParam: number) => includedAt(alias, `$${tagsParam}`, `$${statesParam}`);

/** The children a large compile included, named for the statement that stores it (TransitionsRepository.commit). */
export interface SourcesInStatement {
  roundId: string;
  parentUnitId: string;
  sel: ChildSelection;
}

/**
 * `{sources, included}` of the included children as a jsonb expression of the statement that stores the compile
 * (`$` adds a parameter): 50,000 content hashes (~5 MB) never travel to the process and back.
 */
export function includedSourcesSql(q: SourcesInStatement, $: (v: unknown) => string): string {
  return `(SELECT jsonb_build_object('sources', coalesce(jsonb_object_agg(c.id, ${CONTENT_HASH('c')}), '{}'::jsonb), 'included', count(*))
     FROM submission c WHERE c.round_id = ${$(q.roundId)}::uuid AND c.parent_unit_id = ${$(q.parentUnitId)}::uuid
      AND ${includedAt('c', $(q.sel.tags), $(q.sel.states))})`;
}

/** SQL for consolidation: children read in keyset-paged batches, so 50,000 of them never sit in memory at once. */
@Injectable()
export class CompileRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The children's submissions and how many of them the compile takes in, in one read of the index. */
  async countChildren(m: EntityManager, roundId: string, parentUnitId: string, sel: ChildSelection): Promise<{ total: number; included: number }> {
    const rows = await m.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE ${INCLUDED('s', 3, 4)})::int AS included
         FROM submission s WHERE s.round_id = $1 AND s.parent_unit_id = $2`,
      [roundId, parentUnitId, sel.tags, sel.states],
    );
    return rows[0];
  }

  /** The children's submissions in a round, without their data (for coverage). */
  childStates(roundId: string, parentUnitId: string): Promise<{ id: string; unitId: string; unitCode: string; unitName: string; state: string; flowVersionId: string }[]> {
    return this.db.query(
      `SELECT s.id, s.unit_id AS "unitId", o.code AS "unitCode", o.name AS "unitName", s.state, s.flow_version_id AS "flowVersionId"
         FROM submission s JOIN ${orgQueries.units} o ON o.id = s.unit_id WHERE s.round_id = $1 AND s.parent_unit_id = $2 ORDER BY o.code`,
      [roundId, parentUnitId],
    );
  }

  async *includedChildren(m: EntityManager, roundId: string, parentUnitId: string, sel: ChildSelection, batch = 5000): AsyncGenerator<CompileChild[]> {
    let after = '';
    for (;;) {
      const rows: CompileChild[] = await m.query(
        `SELECT s.id, s.unit_id AS "unitId", o.code AS "unitCode", o.name AS "unitName", s.data,
                (s.compiled IS NOT NULL) AS "isCompiled",
                ${CONTENT_HASH('s')} AS "contentHash"
           FROM submission s JOIN ${orgQueries.units} o ON o.id = s.unit_id
          WHERE s.round_id = $1 AND s.parent_unit_id = $2 AND ${INCLUDED('s', 3, 6)} AND o.code > $4
          ORDER BY o.code LIMIT $5`,
        [roundId, parentUnitId, sel.tags, after, batch, sel.states],
      );
      if (!rows.length) return;
      yield rows;
      after = rows.at(-1)!.unitCode;
      if (rows.length < batch) return;
    }
  }

  /**
   * Sums, minima and maxima of numeric fields straight in SQL: each object holding such fields is read once
   * per row with jsonb_to_record (reading `data->>'x'` per field would detoast the row once per field).
   * First read with the form's own types (int8 for integer fields, numeric for decimals), the cheapest
   * conversion: every done child passed the form's validation, so its values are numbers. A value that is
   * not (written around the API), or data that is not an object, fails the cast, and the same sums are
   * read again value by value, skipping what is not a number, as the pure roll-up does. (Only a string
   * that spells a number, which no validated answer holds, would be read as that number.)
   */
  async aggregate(m: EntityManager, roundId: string, parentUnitId: string, sel: ChildSelection, fields: AggregateField[]): Promise<number[]> {
    if (!fields.length) return [];
    const read = (typed: boolean) => this.aggregateQuery(m, [roundId, parentUnitId, sel.tags, sel.states], fields, typed);
    const inTransaction = m.queryRunner?.isTransactionActive ?? false;
    if (inTransaction) await m.query('SAVEPOINT compile_typed');
    try {
      const values = await read(true);
      if (inTransaction) await m.query('RELEASE SAVEPOINT compile_typed');
      return values;
    } catch (e) {
      // Class 22 (data exception): a value of another type, or a group that is not an object.
      if (!String((e as { code?: unknown }).code ?? '').startsWith('22')) throw e;
      if (inTransaction) await m.query('ROLLBACK TO SAVEPOINT compile_typed');
      return read(false);
    }
  }

  private async aggregateQuery(m: EntityManager, params: unknown[], fields: AggregateField[], typed: boolean): Promise<number[]> {
    const groups = new Map<string, { alias: string; parent: string[]; columns: Map<string, string> }>();
    const selects = fields.map((f) => {
      const parent = f.segments.slice(0, -1);
      const key = JSON.stringify(parent);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { alias: `r${groups.size}`, parent, columns: new Map() }));
      const name = f.segments.at(-1)!;
      g.columns.set(name, typed ? (f.type === 'integer' ? 'int8' : 'numeric') : 'jsonb');
      const col = `${g.alias}.${quoteIdent(name)}`;
      return typed ? `${f.rule}(${col})::float8` : `${f.rule}(CASE WHEN jsonb_typeof(${col}) = 'number' THEN (${col})::numeric END)::float8`;
    });
    const laterals = [...groups.values()].map((g) => {
      const cols = [...g.columns].map(([c, type]) => `${quoteIdent(c)} ${type}`).join(', ');
      if (typed && !g.parent.length) return `CROSS JOIN LATERAL jsonb_to_record(s.data) AS ${g.alias}(${cols})`;
      params.push(g.parent);
      // value by value: what is not an object at that path reads as an empty one (its figures skipped)
      const at = `s.data #> $${params.length}::text[]`;
      const obj = typed ? `coalesce(${at}, '{}'::jsonb)` : `CASE WHEN jsonb_typeof(${at}) = 'object' THEN ${at} ELSE '{}'::jsonb END`;
      return `CROSS JOIN LATERAL jsonb_to_record(${obj}) AS ${g.alias}(${cols})`;
    });
    const [row] = await m.query(
      `SELECT ${selects.map((e, i) => `${e} AS a${i}`).join(', ')}
         FROM submission s ${laterals.join(' ')}
        WHERE s.round_id = $1 AND s.parent_unit_id = $2 AND ${INCLUDED('s', 3, 4)}`,
      params,
    );
    return fields.map((_, i) => row[`a${i}`] as number);
  }

  /**
   * Content hashes of the included children, without loading their data into the process. On a connection
   * of its own (the children are only read: each statement sees what is committed, in the caller's
   * transaction or not), so that it runs beside the sums.
   */
  includedHashes(roundId: string, parentUnitId: string, sel: ChildSelection): Promise<{ id: string; h: string }[]> {
    return this.db.query(
      `SELECT s.id, ${CONTENT_HASH('s')} AS h FROM submission s
        WHERE s.round_id = $1 AND s.parent_unit_id = $2 AND ${INCLUDED('s', 3, 4)}`,
      [roundId, parentUnitId, sel.tags, sel.states],
    );
  }

  /** Current content hashes of the children, to tell which changed since compiling. */
  async contentHashes(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; h: string }[] = await this.db.query(
      `SELECT s.id, ${CONTENT_HASH('s')} AS h FROM submission s WHERE s.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.h]));
  }

  /** Values at a path in the given submissions (on-demand provenance for large compiles). */
  valuesAt(ids: string[], segments: string[]): Promise<{ unitId: string; unitCode: string; unitName: string; value: unknown }[]> {
    return this.db.query(
      `SELECT s.unit_id AS "unitId", o.code AS "unitCode", o.name AS "unitName", s.data #> $2::text[] AS value
         FROM submission s JOIN ${orgQueries.units} o ON o.id = s.unit_id WHERE s.id = ANY($1::uuid[]) ORDER BY o.code`,
      [ids, segments],
    );
  }

  /** The children a compile included (its `sources`), in batches, for provenance read on demand. */
  async *included(ids: string[], batch = 2000): AsyncGenerator<{ unitId: string; unitCode: string; unitName: string; data: unknown; isCompiled: boolean }[]> {
    for (let i = 0; i < ids.length; i += batch) {
      yield this.db.query(
        `SELECT s.unit_id AS "unitId", o.code AS "unitCode", o.name AS "unitName", s.data, s.compiled IS NOT NULL AS "isCompiled"
           FROM submission s JOIN ${orgQueries.units} o ON o.id = s.unit_id WHERE s.id = ANY($1::uuid[]) ORDER BY o.code`,
        [ids.slice(i, i + batch)],
      );
    }
  }
}
