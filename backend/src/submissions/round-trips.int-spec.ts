import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { khoaiChauReport } from '../test-support/khoai-chau-data.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { TransitionsRepository } from './transitions.repository.js';

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

  it('refuses at once (409) an event on a report another transaction holds, and writes nothing', async () => {
    const ds = sut.app.get(DataSource);
    const holder = ds.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query('SELECT id FROM submission WHERE id = $1 FOR UPDATE', [id]);
      const res = await sut.http.post(`/api/submissions/${id}/events`).set({ Authorization: `Bearer ${token}` }).send({ type: 'SUBMIT' });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/đang được xử lý/);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    const log = await ds.query('SELECT count(*)::int AS n FROM transition_log WHERE submission_id = $1 AND event = $2', [id, 'SUBMIT']);
    expect(log[0].n).toBe(0);
  });

  it('answers one SUBMIT event from the row it holds', async () => {
    const res = await counted(() => sut.http.post(`/api/submissions/${id}/events`).set({ Authorization: `Bearer ${token}` }).send({ type: 'SUBMIT' }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id, locked: expect.any(Boolean), allowedEvents: expect.any(Array) });
    console.log(`SUBMIT event: ${statements.length} statements\n  ${statements.join('\n  ')}`);
    expect(statements.length).toBeLessThanOrEqual(EVENT_STATEMENTS);
  });

  it('writes nothing (no log, audit or notification) when the report moved on after it was read', async () => {
    const ds = sut.app.get(DataSource);
    const repo = sut.app.get(TransitionsRepository);
    const row = (await repo.read(ds.manager, id, false))!;
    const count = async () =>
      (
        await ds.query(
          `SELECT (SELECT count(*) FROM transition_log WHERE submission_id = $1)::int AS log, (SELECT count(*) FROM audit_log WHERE entity_id = $1::text)::int AS audit,
                  (SELECT count(*) FROM notification WHERE submission_id = $1)::int AS notes, (SELECT version FROM submission WHERE id = $1) AS version`,
          [id],
        )
      )[0];
    await ds.query('UPDATE submission SET version = version + 1 WHERE id = $1', [id]);
    const before = await count();
    const patch = { state: 'draft', stateTags: [], snapshot: row.snapshot, final: false, locked: false };
    const log = { seq: 99, event: 'X', fromState: row.state, toState: 'draft', actorId: null, actorName: null, comment: null, effects: [], dataHash: null, at: new Date(), prevHash: null, hash: 'h' };
    const note = (params: unknown[], from: string) => `n AS (INSERT INTO notification (user_id, kind, message, submission_id) SELECT id, 'x', 'x', $1 FROM app_user, ${from} LIMIT 1)`;
    const audit = (params: unknown[], from: string) => sut.app.get(AuditService).cte({ actorId: null, action: 'x', entity: 'submission', entityId: id }, params, from);
    expect(await repo.commit(ds.manager, row, patch, log, row.unitId, [note, audit])).toBeUndefined();
    expect(await count()).toEqual(before);
  });
});

/**
 * Before the transition service (one read per question, a re-read after commit): 7 for a save, 15 for a
 * SUBMIT; then 7 for a SUBMIT (a read for the signing preparation, a transaction around the locked row, the
 * notification and the write). Now: the guard's user, the access row and one statement for a save; for a
 * SUBMIT the user, the row, and one statement writing state + log + notifications + audit, conditioned on
 * the version read (no transaction: events that compile, sign or issue take the row lock in one instead).
 */
const SAVE_STATEMENTS = 3;
const EVENT_STATEMENTS = 3;
