import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Sign-in attempt counters in PostgreSQL, so every replica counts against the same limit. */
@Injectable()
export class LoginAttemptsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Counts one attempt on every key in its current window (a window older than `windowSeconds`
   * starts again at 1) and returns the count per key. Keys are locked in sorted order, so two
   * sign-ins touching the same keys cannot deadlock.
   */
  async hit(keys: string[], windowSeconds: number): Promise<Map<string, number>> {
    const rows: { key: string; hits: number }[] = await this.db.query(
      `INSERT INTO login_attempt AS a (key, hits)
         SELECT k, 1 FROM unnest($1::text[]) AS k ORDER BY k
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN a.window_start < now() - make_interval(secs => $2) THEN 1 ELSE a.hits + 1 END,
         window_start = CASE WHEN a.window_start < now() - make_interval(secs => $2) THEN now() ELSE a.window_start END
       RETURNING key, hits`,
      [[...keys].sort(), windowSeconds],
    );
    return new Map(rows.map((r) => [r.key, r.hits]));
  }

  /** Forgets windows that ended long ago (the table stays the size of the last minutes' traffic). */
  async prune(olderThanSeconds: number): Promise<void> {
    await this.db.query(`DELETE FROM login_attempt WHERE window_start < now() - make_interval(secs => $1)`, [olderThanSeconds]);
  }
}
