import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

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

/** SQL for consolidation: children read in keyset-paged batches, so 50,000 of them never sit in memory at once. */
@Injectable()
export class CompileRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async countChildren(m: EntityManager, roundId: string, parentUnitId: string): Promise<number> {
    const rows = await m.query(`SELECT count(*)::int AS n FROM submission WHERE round_id = $1 AND parent_unit_id = $2`, [roundId, parentUnitId]);
    return rows[0].n;
  }

  async *includedChildren(m: EntityManager, roundId: string, parentUnitId: string, states: string[], batch = 5000): AsyncGenerator<CompileChild[]> {
    let after = '';
    for (;;) {
      const rows: CompileChild[] = await m.query(
        `SELECT s.id, s.unit_id AS "unitId", o.code AS "unitCode", o.name AS "unitName", s.data,
                (s.compiled IS NOT NULL) AS "isCompiled",
                encode(sha256(convert_to(s.data::text, 'UTF8')), 'hex') AS "contentHash"
           FROM submission s JOIN org_unit o ON o.id = s.unit_id
          WHERE s.round_id = $1 AND s.parent_unit_id = $2 AND s.state = ANY($3) AND o.code > $4
          ORDER BY o.code LIMIT $5`,
        [roundId, parentUnitId, states, after, batch],
      );
      if (!rows.length) return;
      yield rows;
      after = rows.at(-1)!.unitCode;
      if (rows.length < batch) return;
    }
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
         FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.id = ANY($1::uuid[]) ORDER BY o.code`,
      [ids, segments],
    );
  }
}
