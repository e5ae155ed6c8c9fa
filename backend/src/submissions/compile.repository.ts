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

/** Which children a compile takes in: those whose state carries one of `tags`, or (old flows) is named in `states`. */
export interface ChildSelection {
  tags: string[];
  states: string[];
}
const INCLUDED = (alias: string, tagsParam: number, statesParam: number) =>
  `(${alias}.state_tags && $${tagsParam}::text[] OR ${alias}.state = ANY($${statesParam}::text[]))`;

/** SQL for consolidation: children read in keyset-paged batches, so 50,000 of them never sit in memory at once. */
@Injectable()
export class CompileRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async countChildren(m: EntityManager, roundId: string, parentUnitId: string): Promise<number> {
    const rows = await m.query(`SELECT count(*)::int AS n FROM submission WHERE round_id = $1 AND parent_unit_id = $2`, [roundId, parentUnitId]);
    return rows[0].n;
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
                encode(sha256(convert_to(s.data::text, 'UTF8')), 'hex') AS "contentHash"
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
   */
  async aggregate(
    m: EntityManager,
    roundId: string,
    parentUnitId: string,
    sel: ChildSelection,
    fields: { segments: string[]; rule: 'sum' | 'min' | 'max' }[],
  ): Promise<number[]> {
    if (!fields.length) return [];
    const groups = new Map<string, { alias: string; parent: string[]; columns: Set<string> }>();
    const selects = fields.map((f) => {
      const parent = f.segments.slice(0, -1);
      const key = JSON.stringify(parent);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { alias: `r${groups.size}`, parent, columns: new Set() }));
      const name = f.segments.at(-1)!;
      g.columns.add(name);
      const col = `${g.alias}.${quoteIdent(name)}`;
      return `${f.rule}(CASE WHEN jsonb_typeof(${col}) = 'number' THEN (${col})::numeric END)::float8`;
    });
    const params: unknown[] = [roundId, parentUnitId, sel.tags, sel.states];
    const laterals = [...groups.values()].map((g) => {
      params.push(g.parent);
      const cols = [...g.columns].map((c) => `${quoteIdent(c)} jsonb`).join(', ');
      return `CROSS JOIN LATERAL jsonb_to_record(coalesce(s.data #> $${params.length}::text[], '{}'::jsonb)) AS ${g.alias}(${cols})`;
    });
    const rows = await m.query(
      `SELECT ${selects.map((e, i) => `${e} AS a${i}`).join(', ')}
         FROM submission s ${laterals.join(' ')}
        WHERE s.round_id = $1 AND s.parent_unit_id = $2 AND ${INCLUDED('s', 3, 4)} AND jsonb_typeof(s.data) = 'object'`,
      params,
    );
    return fields.map((_, i) => rows[0][`a${i}`] as number);
  }

  async countIncluded(m: EntityManager, roundId: string, parentUnitId: string, sel: ChildSelection): Promise<number> {
    const rows = await m.query(
      `SELECT count(*)::int AS n FROM submission s WHERE s.round_id = $1 AND s.parent_unit_id = $2 AND ${INCLUDED('s', 3, 4)}`,
      [roundId, parentUnitId, sel.tags, sel.states],
    );
    return rows[0].n;
  }

  /** Content hashes of the included children, without loading their data into the process. */
  async includedHashes(m: EntityManager, roundId: string, parentUnitId: string, sel: ChildSelection): Promise<{ id: string; h: string }[]> {
    return m.query(
      `SELECT s.id, encode(sha256(convert_to(s.data::text, 'UTF8')), 'hex') AS h FROM submission s
        WHERE s.round_id = $1 AND s.parent_unit_id = $2 AND ${INCLUDED('s', 3, 4)}`,
      [roundId, parentUnitId, sel.tags, sel.states],
    );
  }

  /** Current content hashes of the children, to tell which changed since compiling. */
  async contentHashes(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; h: string }[] = await this.db.query(
      `SELECT id, encode(sha256(convert_to(data::text, 'UTF8')), 'hex') AS h FROM submission WHERE id = ANY($1::uuid[])`,
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
