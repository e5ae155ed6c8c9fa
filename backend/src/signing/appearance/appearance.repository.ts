import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export type ImageOwner = 'user' | 'unit';
const TABLE: Record<ImageOwner, { table: string; column: string }> = {
  user: { table: 'app_user', column: 'signature_image' },
  unit: { table: 'org_unit', column: 'seal_image' },
};

/** Signature images (per person) and seal images (per unit), stored as data beside their owners. */
@Injectable()
export class AppearanceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The owner's unit path (a user's unit, or the unit itself) and whether an image is stored. */
  async owner(kind: ImageOwner, id: string): Promise<{ unitPath: string; hasImage: boolean } | null> {
    const sql =
      kind === 'user'
        ? `SELECT o.path::text AS "unitPath", u.signature_image IS NOT NULL AS "hasImage" FROM app_user u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = $1`
        : `SELECT path::text AS "unitPath", seal_image IS NOT NULL AS "hasImage" FROM org_unit WHERE id = $1`;
    const rows = await this.db.query(sql, [id]);
    return rows[0] ?? null;
  }

  async image(kind: ImageOwner, id: string): Promise<Buffer | null> {
    const t = TABLE[kind];
    const rows: { img: Buffer | null }[] = await this.db.query(`SELECT ${t.column} AS img FROM ${t.table} WHERE id = $1`, [id]);
    return rows[0]?.img ?? null;
  }

  async setImage(m: EntityManager, kind: ImageOwner, id: string, png: Buffer | null): Promise<void> {
    const t = TABLE[kind];
    await m.query(`UPDATE ${t.table} SET ${t.column} = $2 WHERE id = $1`, [id, png]);
  }

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }
}
