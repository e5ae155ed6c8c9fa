/**
 * The two 50,000-unit rows of the benchmark table: opening a round over 50,000 units (against a raw COPY
 * of the same rows) and compiling 50,000 submissions × 100 numeric fields (against a hand-written SQL SUM).
 * A generated province (seeded, reproducible): one Sở with UNITS schools reporting straight to it.
 */
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { AppProcess, Sql } from '../support/app.js';
import { Api, signJwt } from '../support/http.js';

export const UNITS = Number(process.env.BENCH_UNITS ?? 50_000);
const FIELDS = 100;

export interface ScaleRow {
  what: string;
  measured: string;
  ceiling: string;
  target: string;
  pass: boolean | null;
}

/** A template of FIELDS integer figures, each summed up the tree. */
function figuresTemplate() {
  const properties: Record<string, object> = {};
  for (let i = 1; i <= FIELDS; i++) properties[`f${i}`] = { type: 'integer', title: `Chỉ số ${i}`, minimum: 0, 'x-aggregate': 'sum' };
  return {
    title: 'Bảng số liệu đo hiệu năng',
    periodKind: 'nam',
    schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', title: 'Bảng số liệu', additionalProperties: false, properties },
    uiSchema: {},
  };
}

export async function scaleRows(app: AppProcess, sql: Sql): Promise<ScaleRow[]> {
  const api = new Api(app.url);
  const root = await sql.one<{ id: string; path: string }>(`SELECT id, path::text AS path FROM org_unit WHERE code = 'BGDDT'`);
  const adminId = (await sql.one<{ id: string }>(`SELECT id FROM app_user WHERE username = 'admin'`)).id;
  const admin = signJwt({ sub: adminId, exp: Math.floor(Date.now() / 1000) + 7200 }, app.jwtSecret);

  // The province: a Sở and UNITS schools, written as the app writes them (ltree labels from the ids).
  const so = await sql.one<{ id: string; path: string }>(
    `WITH g AS (SELECT gen_random_uuid() AS id)
     INSERT INTO org_unit (id, code, name, kind, parent_id, path)
     SELECT id, 'SO-BENCH', 'Sở GD&ĐT thử tải', 'so', $1, ($2 || '.u' || replace(id::text, '-', ''))::ltree FROM g
     RETURNING id, path::text AS path`,
    [root.id, root.path],
  );
  await sql.q(
    `INSERT INTO org_unit (id, code, name, kind, parent_id, path)
     SELECT id, 'BENCH-TT-' || lpad(g::text, 6, '0'), 'Trường thử ' || g, 'truong_thpt', $1, ($2 || '.u' || replace(id::text, '-', ''))::ltree
       FROM (SELECT gen_random_uuid() AS id, g FROM generate_series(1, $3::int) g) s`,
    [so.id, so.path, UNITS],
  );
  await sql.q(`INSERT INTO app_user (username, password_hash, full_name, unit_id, roles) VALUES ('so-bench.reviewer', 'x', 'Chuyên viên Sở thử', $1, '{reviewer,editor}')`, [so.id]);
  const reviewer = signJwt(
    { sub: (await sql.one<{ id: string }>(`SELECT id FROM app_user WHERE username = 'so-bench.reviewer'`)).id, exp: Math.floor(Date.now() / 1000) + 7200 },
    app.jwtSecret,
  );
  const created = await api.post('/api/templates/bench-100/versions', admin, figuresTemplate());
  if (created.status !== 201) throw new Error(`template: ${created.status} ${created.text}`);
  const published = await api.post('/api/templates/bench-100/versions/1/publish', admin, {});
  if (published.status !== 201) throw new Error(`publish: ${published.status} ${published.text}`);

  // 1. Open the round over the whole province, through the API.
  const t0 = performance.now();
  const round = await api.post('/api/rounds', admin, {
    name: 'Đợt thử tải',
    template: { code: 'bench-100', version: 1 },
    rootUnitId: so.id,
    period: 'bench',
    flows: { truong_thpt: 'truong-truc-tiep', so: 'so' },
    deadlines: { truong_thpt: '2030-01-01', so: '2030-02-01' },
    carryForward: false,
  });
  if (round.status !== 201 && round.status !== 202) throw new Error(`round: ${round.status} ${round.text}`);
  // Over more than LARGE_ROUND_UNITS units the opening is a job (202): the figure is the time until it is open.
  if (round.status === 202)
    for (;;) {
      const job = await api.get(`/api/jobs/${round.body.jobId}`, admin);
      if (job.body.state === 'completed') break;
      if (job.body.state === 'failed') throw new Error(`round-open job failed: ${job.body.error}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  const openMs = performance.now() - t0;

  // Ceiling: a raw COPY of the same rows into a table shaped like submission.
  const template = await sql.one<{ id: string }>(`SELECT id FROM template_version WHERE code = 'bench-100'`);
  const flow = await sql.one<{ id: string; snapshot: unknown }>(
    `SELECT flow_version_id AS id, snapshot FROM submission WHERE round_id = $1 AND parent_unit_id IS NOT NULL LIMIT 1`,
    [round.body.id],
  );
  const units = await sql.q<{ id: string }>(`SELECT id FROM org_unit WHERE parent_id = $1`, [so.id]);
  await sql.q(`CREATE TEMP TABLE IF NOT EXISTS x (LIKE submission INCLUDING DEFAULTS)`); // warms the catalogue only
  const client = new pg.Client({ connectionString: app.databaseUrl() });
  await client.connect();
  await client.query(`CREATE UNLOGGED TABLE IF NOT EXISTS bench_copy (LIKE submission INCLUDING DEFAULTS INCLUDING INDEXES)`);
  await client.query(`ALTER TABLE bench_copy DROP CONSTRAINT IF EXISTS bench_copy_round_id_unit_id_key`);
  const snapshot = JSON.stringify(flow.snapshot).replace(/\\/g, '\\\\');
  const lines = units.map((u) => `${round.body.id}\t${u.id}\t${so.id}\t${template.id}\t${flow.id}\tdraft\t${snapshot}\t2030-01-01T23:59:59+07:00\n`);
  const c0 = performance.now();
  await pipeline(
    Readable.from(lines),
    client.query(copyFrom(`COPY bench_copy (round_id, unit_id, parent_unit_id, template_version_id, flow_version_id, state, snapshot, deadline) FROM STDIN`)),
  );
  const copyMs = performance.now() - c0;
  await client.query(`DROP TABLE bench_copy`);
  await client.end();

  // 2. Every school accepted with 100 figures, then the Sở compiles through the API (a job above 1,000 children).
  // jsonb_build_object takes at most 100 arguments: 50 fields at a time, concatenated.
  const pair = (i: number) => `'f${i + 1}', ((hashtext(s.id::text || '${i}') & 1023))`;
  const chunks: string[] = [];
  for (let i = 0; i < FIELDS; i += 50) chunks.push(`jsonb_build_object(${Array.from({ length: Math.min(50, FIELDS - i) }, (_, k) => pair(i + k)).join(', ')})`);
  const fields = chunks.join(' || ');
  await sql.q(
    `UPDATE submission s SET state = 'accepted', state_tags = '{done}', final = true, locked = true, data = ${fields}
      WHERE s.round_id = $1 AND s.parent_unit_id = $2`,
    [round.body.id, so.id],
  );
  // The schools' answers were written over weeks before a Sở compiles, and autovacuum has long passed over
  // them; written here in one statement a second ago, whoever read them first (the compile, measured before
  // the ceiling) would pay the cleanup and find no planner statistics. Both measures start from the same state.
  await sql.q(`VACUUM (ANALYZE) submission`);
  const soSub = await sql.one<{ id: string }>(`SELECT id FROM submission WHERE round_id = $1 AND unit_id = $2`, [round.body.id, so.id]);
  const k0 = performance.now();
  const compile = await api.event(reviewer, soSub.id, 'COMPILE', {});
  if (compile.status === 202) {
    for (;;) {
      const job = await api.get(`/api/jobs/${compile.body.jobId}`, reviewer);
      if (job.body.state === 'completed') break;
      if (job.body.state === 'failed') throw new Error(`compile job failed: ${job.body.error}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } else if (compile.status !== 200) throw new Error(`compile: ${compile.status} ${compile.text}`);
  const compileMs = performance.now() - k0;
  const compiled = await sql.one<{ f1: string; included: number; sources: number }>(
    `SELECT data->>'f1' AS f1, (compiled->>'included')::int AS included,
            (SELECT count(*) FROM jsonb_object_keys(compiled->'sources'))::int AS sources FROM submission WHERE id = $1`,
    [soSub.id],
  );

  // Ceiling: the hand-written SUM over jsonb of the same 100 fields.
  // jsonb_to_record reads each row's jsonb once (data->>'fN' a hundred times would detoast it a hundred times).
  const sums = Array.from({ length: FIELDS }, (_, i) => `sum(r.f${i + 1}) AS f${i + 1}`).join(', ');
  const cols = Array.from({ length: FIELDS }, (_, i) => `f${i + 1} int`).join(', ');
  const s0 = performance.now();
  const direct = await sql.one<{ f1: string }>(
    `SELECT ${sums} FROM submission s CROSS JOIN LATERAL jsonb_to_record(s.data) AS r(${cols})
      WHERE s.round_id = $1 AND s.parent_unit_id = $2 AND s.state = 'accepted'`,
    [
    round.body.id,
    so.id,
    ],
  );
  const sumMs = performance.now() - s0;
  if (Number(compiled.f1) !== Number(direct.f1) || compiled.included !== UNITS || compiled.sources !== UNITS)
    throw new Error(`compile disagrees with SQL: f1 ${compiled.f1} vs ${direct.f1}, included ${compiled.included}, sources ${compiled.sources}`);

  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    {
      what: `open a round over ${UNITS.toLocaleString('en')} units (POST /api/rounds)`,
      measured: `${s(openMs)} (${(openMs / copyMs).toFixed(1)}× COPY)`,
      ceiling: `raw COPY of the same rows: ${s(copyMs)}`,
      target: '< 5 s, ≤ 3× COPY',
      pass: openMs < 5000 && openMs <= 3 * copyMs,
    },
    {
      what: `COMPILE ${UNITS.toLocaleString('en')} submissions × ${FIELDS} numeric fields (job, until done)`,
      measured: `${s(compileMs)} (${(compileMs / sumMs).toFixed(1)}× SQL)`,
      ceiling: `SQL SUM over jsonb: ${s(sumMs)}`,
      target: '< 3 s, ≤ 1.5×',
      pass: compileMs < 3000 && compileMs <= 1.5 * sumMs,
    },
  ];
}
