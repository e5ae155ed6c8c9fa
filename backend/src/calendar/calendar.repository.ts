import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface CalendarAdjustmentRow {
  date: string;
  kind: 'holiday' | 'working';
  name: string;
}

@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  all(): Promise<CalendarAdjustmentRow[]> {
    return this.db.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM calendar_adjustment ORDER BY date`);
  }

  upsert(m: EntityManager, row: CalendarAdjustmentRow, userId: string) {
    return m.query(
      `INSERT INTO calendar_adjustment (date, kind, name, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, created_by = EXCLUDED.created_by`,
      [row.date, row.kind, row.name, userId],
    );
  }

  async remove(m: EntityManager, date: string): Promise<boolean> {
    const [, count] = await m.query(`DELETE FROM calendar_adjustment WHERE date = $1`, [date]);
    return count > 0;
  }

  transaction<T>(fn: (m: EntityManager) => Promise<T>) {
    return this.db.transaction(fn);
  }
}
