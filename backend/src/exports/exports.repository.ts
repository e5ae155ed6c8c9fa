import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface ExportUnit {
  id: string;
  code: string;
  name: string;
  placeName: string | null;
  parentName: string | null;
  parentPlaceName: string | null;
  governingBody: string | null;
  shortName: string | null;
  headTitle: string | null;
  signAuthority: string | null;
}

/** The few facts an official document needs beyond the submission: its unit, parent and round period. */
@Injectable()
export class ExportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async unit(unitId: string): Promise<ExportUnit | null> {
    const rows = await this.db.query(
      `SELECT o.id, o.code, o.name, o.place_name AS "placeName", p.name AS "parentName", p.place_name AS "parentPlaceName",
              o.governing_body AS "governingBody", o.short_name AS "shortName", o.head_title AS "headTitle",
              o.sign_authority AS "signAuthority"
         FROM org_unit o LEFT JOIN org_unit p ON p.id = o.parent_id WHERE o.id = $1`,
      [unitId],
    );
    return rows[0] ?? null;
  }

  /** Name of a unit (the round's receiving unit of this level). */
  async unitName(unitId: string): Promise<string | null> {
    const rows: { name: string }[] = await this.db.query(`SELECT name FROM org_unit WHERE id = $1`, [unitId]);
    return rows[0]?.name ?? null;
  }

  /** The signer's position ("Phó Trưởng phòng"), null for the head. */
  async userPosition(userId: string): Promise<string | null> {
    const rows: { position: string | null }[] = await this.db.query(`SELECT position FROM app_user WHERE id = $1`, [userId]);
    return rows[0]?.position ?? null;
  }

  async roundPeriod(roundId: string): Promise<string | null> {
    const rows: { period: string }[] = await this.db.query(`SELECT period FROM round WHERE id = $1`, [roundId]);
    return rows[0]?.period ?? null;
  }

  async unitNames(ids: string[]): Promise<Map<string, { code: string; name: string }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; code: string; name: string }[] = await this.db.query(
      `SELECT id, code, name FROM org_unit WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
  }

  /** The children a compile included (its `sources`), in batches, for provenance read on demand. */
  async *children(ids: string[], batch = 2000): AsyncGenerator<{ unitId: string; unitCode: string; unitName: string; data: unknown; isCompiled: boolean }[]> {
    for (let i = 0; i < ids.length; i += batch) {
      yield this.db.query(
        `SELECT s.unit_id AS "unitId", o.code AS "unitCode", o.name AS "unitName", s.data, s.compiled IS NOT NULL AS "isCompiled"
           FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.id = ANY($1::uuid[]) ORDER BY o.code`,
        [ids.slice(i, i + batch)],
      );
    }
  }
}
