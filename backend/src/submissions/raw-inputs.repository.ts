import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { RawInputs } from '@bdg/schemas';

/** submission.raw_inputs: the text typed into fields it does not fit, kept beside the data. */
@Injectable()
export class RawInputsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(id: string, m: EntityManager = this.db.manager): Promise<RawInputs> {
    const rows = await m.query(`SELECT raw_inputs AS "rawInputs" FROM submission WHERE id = $1`, [id]);
    return (rows[0]?.rawInputs as RawInputs | undefined) ?? {};
  }
}
