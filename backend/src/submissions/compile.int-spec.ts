import { getValidator, type JsonSchema } from '@bdg/schemas';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { khoaiChauReport } from '../test-support/khoai-chau-data.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { JOB } from '../jobs/job-names.js';
import type { JobContext } from '../jobs/jobs.service.js';
import { CompileLargeJob } from './compile-large.job.js';
import { CompileService } from './compile.service.js';

/** The stored provenance of a small compile and the on-demand provenance of a large one must agree. */
describe(CompileService.name, () => {
  let sut: TestApp;
  let compiler: CompileService;
  let db: DataSource;
  let roundId = '';
  let phongId = '';
  let schema: JsonSchema;

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    compiler = sut.app.get(CompileService);
    db = sut.app.get(DataSource);
    const [r] = await sut.sql<{ id: string; schema: JsonSchema }>(
      `SELECT r.id, t.schema FROM round r JOIN template_version t ON t.id = r.template_version_id WHERE t.code = 'khoai-chau-bdg-2016-2020'`,
    );
    roundId = r!.id;
    schema = r!.schema;
    phongId = (await sut.sql<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'PGD-KC'`))[0]!.id;
    // Every Khoái Châu school accepted, with different figures (set directly: this suite is about consolidation).
    const kids = await sut.sql<{ id: string; code: string }>(
      `SELECT s.id, o.code FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.round_id = $1 AND s.parent_unit_id = $2 ORDER BY o.code`,
      [roundId, phongId],
    );
    for (const [i, k] of kids.entries()) {
      const data = khoaiChauReport(k.code, { total: 10 + i, women: 5 + i, managers: 2 + (i % 3), womenManagers: i % 2 });
      expect(getValidator(schema).validateComplete(data)).toEqual([]);
      await sut.sql(`UPDATE submission SET state = 'accepted', state_tags = '{done}', final = true, data = $2::jsonb WHERE id = $1`, [k.id, JSON.stringify(data)]);
    }
  });
  afterAll(() => sut.close());

  const figuresOnly = {
    type: 'object',
    properties: {
      I: {
        type: 'object',
        title: 'I',
        properties: {
          tongSoCBGVNV: { type: 'integer', title: 'Tổng số', 'x-aggregate': 'sum' },
          soNu: { type: 'integer', title: 'Nữ', 'x-aggregate': 'max' },
          soCBQL: { type: 'integer', title: 'CBQL', 'x-aggregate': 'min' },
          tyLeNu: { type: ['number', 'null'], title: '% nữ', 'x-aggregate': { ratio: { numerator: '/I/soNu', denominator: '/I/tongSoCBGVNV', scale: 100 } } },
        },
      },
    },
  } as JsonSchema;
  const done = { tags: ['done'], states: [] };

  it('computes the same figures in SQL (large compiles) as the pure roll-up, for a figures-only form too', async () => {
    const target = { roundId, unitId: phongId, data: {} };
    const pure = await compiler.compile(db.manager, target, figuresOnly, { tags: ['done'], states: [] });
    const sql = await compiler.compile(db.manager, target, figuresOnly, { tags: ['done'], states: [] }, 0);
    expect(sql.data).toEqual(pure.data);
    expect((pure.data.I as Record<string, number>).tongSoCBGVNV).toBe(145); // 10 + 11 + … + 19
    expect(Object.keys(sql.compiled.sources)).toHaveLength(10);
    expect(sql.compiled.sources).toEqual(pure.compiled.sources);
  });

  it('answers sources the same whether provenance was stored or is read on demand', async () => {
    const target = { roundId, unitId: phongId, data: {} };
    const small = await compiler.compile(db.manager, target, schema, { tags: ['done'], states: [] });
    const large = await compiler.compile(db.manager, target, schema, { tags: ['done'], states: [] }, 0);
    expect(large.data).toEqual(small.data);
    expect(small.compiled).toMatchObject({ included: 10, total: 10, provenanceInline: true });
    expect(large.compiled).toMatchObject({ included: 10, provenanceInline: false, provenance: {} });
    const paths = Object.keys(small.compiled.provenance).filter((p) => !/\/(maChiTieu)$/.test(p));
    expect(paths).toContain('/I/tongSoCBGVNV');
    expect(paths.some((p) => p.startsWith('/II/ketQuaThucHien/ketQuaChiTieu/0/'))).toBe(true);
    for (const path of paths) {
      const stored = (await compiler.sources(small.compiled, small.data, path, schema))!.map((e) => [e.unitId, e.value]);
      const onDemand = (await compiler.sources(large.compiled, large.data, path, schema))!.map((e) => [e.unitId, e.value]);
      expect(onDemand.sort(), path).toEqual(stored.sort());
    }
  });

  it('skips a value that is not a number as the pure roll-up does, in a transaction or not', async () => {
    const target = { roundId, unitId: phongId, data: {} };
    const [kid, other] = await sut.sql<{ id: string; data: unknown }>(`SELECT id, data FROM submission WHERE round_id = $1 AND parent_unit_id = $2 LIMIT 2`, [roundId, phongId]);
    // written around the API (the form would refuse them): the typed SQL read fails and reads value by value
    await sut.sql(`UPDATE submission SET data = jsonb_set(data, '{I,soNu}', '"mười"') WHERE id = $1`, [kid!.id]);
    await sut.sql(`UPDATE submission SET data = jsonb_set(data, '{I}', '"không có"') WHERE id = $1`, [other!.id]);
    try {
      const pure = await compiler.compile(db.manager, target, figuresOnly, done);
      const sql = await compiler.compile(db.manager, target, figuresOnly, done, 0);
      const inTransaction = await db.transaction((m) => compiler.compile(m, target, figuresOnly, done, 0));
      expect(sql.data).toEqual(pure.data);
      expect(inTransaction.data).toEqual(pure.data);
      expect(inTransaction.compiled.included).toBe(10);
      expect(inTransaction.compiled.sources).toEqual(pure.compiled.sources);
    } finally {
      for (const k of [kid!, other!]) await sut.sql(`UPDATE submission SET data = $2::jsonb WHERE id = $1`, [k.id, JSON.stringify(k.data)]);
    }
  });

  it('records each child by the hash kept beside its data, and tells a child changed since', async () => {
    const target = { roundId, unitId: phongId, data: {} };
    const large = await compiler.compile(db.manager, target, figuresOnly, done, 0);
    const ids = Object.keys(large.compiled.sources);
    const rows = await sut.sql<{ id: string; kept: string; h: string }>(
      `SELECT id, data_hash AS kept, encode(sha256(convert_to(data::text, 'UTF8')), 'hex') AS h FROM submission WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    for (const r of rows) expect([r.kept, large.compiled.sources[r.id]]).toEqual([r.h, r.h]);
    // a row whose data was never rewritten since the hash was kept (NULL) is hashed on the fly, the same way
    await sut.sql(`UPDATE submission SET data_hash = NULL WHERE id = $1`, [ids[1]]);
    const [kid] = await sut.sql<{ data: unknown }>(`SELECT data FROM submission WHERE id = $1`, [ids[0]]);
    await sut.sql(`UPDATE submission SET data = jsonb_set(data, '{I,tongSoCBGVNV}', '999') WHERE id = $1`, [ids[0]]);
    try {
      const now = await compiler.contentHashes(ids);
      expect(ids.filter((id) => now.get(id) !== large.compiled.sources[id])).toEqual([ids[0]]);
    } finally {
      await sut.sql(`UPDATE submission SET data = $2::jsonb WHERE id = $1`, [ids[0], JSON.stringify(kid!.data)]);
    }
  });

  // Last: it gives the round's template the figures-only form.
  it('a large COMPILE in its job has its sources read by the statement that stores it: the same as read beside the sums', async () => {
    const expected = (await compiler.compile(db.manager, { roundId, unitId: phongId, data: {} }, figuresOnly, done, 0)).compiled;
    const n = Object.keys(expected.sources).length;
    expect(n).toBeGreaterThan(2);
    await sut.sql(`UPDATE template_version SET schema = $1::jsonb WHERE code = 'khoai-chau-bdg-2016-2020'`, [JSON.stringify(figuresOnly)]);
    const [phong] = await sut.sql<{ id: string }>(`SELECT id FROM submission WHERE round_id = $1 AND unit_id = $2`, [roundId, phongId]);
    const [reviewer] = await sut.sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'kc.reviewer'`);
    const ctx = {
      id: '00000000-0000-4000-8000-0000000c0de2',
      name: JOB.compileLarge,
      data: { submissionId: phong!.id, userId: reviewer!.id, requestedAt: new Date().toISOString(), eventType: 'COMPILE' },
      progress: async () => {},
    } as unknown as JobContext<never>;
    process.env.LARGE_COMPILE_CHILDREN = '1';
    process.env.INLINE_PROVENANCE_LIMIT = '1';
    try {
      expect(await sut.app.get(CompileLargeJob).run(ctx)).toMatchObject({ included: n, total: n });
    } finally {
      delete process.env.LARGE_COMPILE_CHILDREN;
      delete process.env.INLINE_PROVENANCE_LIMIT;
    }
    const [stored] = await sut.sql<{ compiled: typeof expected; total: number }>(`SELECT compiled, (data->'I'->>'tongSoCBGVNV')::int AS total FROM submission WHERE id = $1`, [phong!.id]);
    expect(stored!.compiled).toMatchObject({ included: n, total: n, provenanceInline: false, sources: expected.sources });
    expect(stored!.total).toBe((expected.rolledUp as { I: { tongSoCBGVNV: number } }).I.tongSoCBGVNV);
  });
});
