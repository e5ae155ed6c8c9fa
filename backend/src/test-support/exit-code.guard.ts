import pg from 'pg';
import { expect, inject, test } from 'vitest';

// Run only with BDG_EXIT_GUARD=1 (by .ci/run): a failing test on the embedded PostgreSQL must make
// `npm test` exit non-zero. The server is reached first, so the library that starts it is loaded.
test('fails on purpose after reaching PostgreSQL (exit-code guard)', async () => {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  const { rows } = await client.query<{ one: number }>('SELECT 1 AS one');
  await client.end();
  expect(rows[0]?.one).toBe(1);
  expect('this test').toBe('failing on purpose');
});
