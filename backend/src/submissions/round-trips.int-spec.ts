import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { khoaiChauReport } from '../test-support/khoai-chau-data.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const DEMO = 'Demo@2026!';
const figures = { total: 40, women: 30, managers: 3, womenManagers: 2 };

/**
 * How many SQL statements one request sends (the write path's round trips), counted through the
 * app's TypeORM logger: every statement, BEGIN and COMMIT included, from the guard to the answer.
 */
describe('write path round trips', () => {
  let sut: TestApp;
  let token = '';
  let id = '';
  let version = 0;
  const statements: string[] = [];
  let counting = false;

  const counted = async <T>(fn: () => Promise<T>) => {
    statements.length = 0;
    counting = true;
    try {
      return await fn();
    } finally {
      counting = false;
    }
  };

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    const logger = sut.app.get(DataSource).logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      if (counting) statements.push(query.replace(/\s+/g, ' ').slice(0, 120));
      return logQuery(query, parameters, runner);
    };
    token = await sut.login('kc.th-tan-dan.editor', DEMO);
    const work = await sut.http.get('/api/my-work').set({ Authorization: `Bearer ${token}` });
    const mine = work.body.items.find((w: { task: string }) => w.task === 'fill');
    id = mine.id;
    version = mine.version;
  });
  afterAll(() => sut?.close());

  it('saves a draft in a handful of statements', async () => {
    const res = await counted(() =>
      sut.http.put(`/api/submissions/${id}/data`).set({ Authorization: `Bearer ${token}` }).send({ data: khoaiChauReport('Tân Dân', figures), version }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    version = res.body.version;
    console.log(`draft save: ${statements.length} statements\n  ${statements.join('\n  ')}`);
    expect(statements.length).toBeLessThanOrEqual(SAVE_STATEMENTS);
  });

  it('answers one SUBMIT event from the row it holds', async () => {
    const res = await counted(() => sut.http.post(`/api/submissions/${id}/events`).set({ Authorization: `Bearer ${token}` }).send({ type: 'SUBMIT' }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id, locked: expect.any(Boolean), allowedEvents: expect.any(Array) });
    console.log(`SUBMIT event: ${statements.length} statements\n  ${statements.join('\n  ')}`);
    expect(statements.length).toBeLessThanOrEqual(EVENT_STATEMENTS);
  });
});

/**
 * Before the transition service (one read per question, a re-read after commit): 7 for a save, 15 for a
 * SUBMIT. Now: the guard's user, the access row and one statement for a save; for a SUBMIT the user, the
 * read of the signing preparation (before the transaction: does this event sign or end the flow? — the signed
 * PDF is made outside the transaction), BEGIN, the locked row, the notification, one statement for state +
 * log + audit, COMMIT.
 */
const SAVE_STATEMENTS = 3;
const EVENT_STATEMENTS = 7;
