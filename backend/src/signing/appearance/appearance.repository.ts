import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { orgQueries } from '../../org/org-queries.js';
import { userQueries } from '../../users/user-queries.js';

export type ImageOwner = 'user' | 'unit';
/** The images live beside their owners' rows: read and written through the owners' read models (users/, org/). */
const IMAGES: Record<ImageOwner, { rows: string; set: (id: string, image: string) => string }> = {
  user: { rows: userQueries.signatureImages, set: userQueries.setSignatureImage },
  unit: { rows: orgQueries.sealImages, set: orgQueries.setSealImage },
};

/** Signature images (per person) and seal images (per unit), stored as data beside their owners. */
@Injectable()
export class AppearanceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The owner's unit path (a user's unit, or the unit itself) and whether an image is stored. */
  async owner(kind: ImageOwner, id: string): Promise<{ unitPath: string; hasImage: boolean } | null> {
    const sql =
      kind === 'user'
        ? `SELECT o.path::text AS "unitPath", u.image IS NOT NULL AS "hasImage" FROM ${userQueries.signatureImages} u JOIN ${orgQueries.units} o ON o.id = u.unit_id WHERE u.id = $1`
        : `SELECT path::text AS "unitPath", image IS NOT NULL AS "hasImage" FROM ${orgQueries.sealImages} o WHERE id = $1`;
    const rows = await this.db.query(sql, [id]);
    return rows[0] ?? null;
  }

  async image(kind: ImageOwner, id: string): Promise<Buffer | null> {
    const rows: { img: Buffer | null }[] = await this.db.query(`SELECT image AS img FROM ${IMAGES[kind].rows} i WHERE id = $1`, [id]);
    return rows[0]?.img ?? null;
  }

  async setImage(m: EntityManager, kind: ImageOwner, id: string, png: Buffer | null): Promise<void> {
    await m.query(IMAGES[kind].set('$1', '$2'), [id, png]);
  }

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }
}
