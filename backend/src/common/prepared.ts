import { createHash } from 'node:crypto';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';

/** Past this many distinct statement texts, the rest run unnamed (a guard: the hot path has a few dozen). */
const MAX_NAMED = 500;
const names = new Map<string, string>();

function nameOf(sql: string): string | undefined {
  let name = names.get(sql);
  if (!name && names.size < MAX_NAMED) {
    name = `bdg_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    names.set(sql, name);
  }
  return name;
}

/**
 * A statement of the write path (sign-in check, draft save, event), run as a named prepared statement:
 * PostgreSQL parses and plans it once per connection instead of on every request — for the event's read
 * (eight joined read models) planning took five times as long as running it. The name is derived from the
 * text, so a statement built from parts (an event's write) is one prepared statement per shape. Errors are
 * TypeORM's (the exception filter maps them), and the statement is logged like any other.
 */
export async function preparedQuery<T>(db: DataSource | EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const manager = 'manager' in db ? db.manager : db;
  const own = !manager.queryRunner;
  const runner = (manager.queryRunner ?? manager.connection.createQueryRunner()) as PostgresQueryRunner;
  try {
    const client = await runner.connect();
    manager.connection.logger.logQuery(sql, params, runner);
    try {
      return (await client.query({ name: nameOf(sql), text: sql, values: params })).rows as T[];
    } catch (e) {
      throw new QueryFailedError(sql, params, e as Error);
    }
  } finally {
    if (own) await runner.release();
  }
}
