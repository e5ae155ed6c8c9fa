/**
 * `npm run bench`: one run, one table, each figure against a ceiling measured in the same run.
 * Machine facts above the table; the table is also written to test/bench/RESULTS.md with its date.
 * Uses DATABASE_URL (a fresh database) when set, else the app's embedded PostgreSQL.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { getValidator } from '@bdg/schemas';
import { AppProcess, createSuiteDatabase, makeDataDir, MAIN, ROOT, sleep, Sql } from '../support/app.js';
import { Api, signJwt } from '../support/http.js';
import { figures, khoaiChauReport } from '../support/journey.js';
import { firstLoadRows } from './first-load.js';
import { hostileRow } from './hostile-row.js';
import { nationalRows, NATIONAL_SHAPE } from './national.js';
import { closedLoop } from './load.js';
import { scaleRows } from './scale.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CONNECTIONS = 32;
const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 640);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

interface Row {
  what: string;
  measured: string;
  ceiling: string;
  target: string;
  pass: boolean | null;
}
const rows: Row[] = [];
/**
 * What to run: everything (default); `BENCH_ONLY=scale` the 50,000-unit rows; `BENCH_ONLY=write` the write
 * path (event transitions, draft saves); `BENCH_ONLY=national` or `npm run bench -w @bdg/test -- national`
 * the national rows alone (written to RESULTS-national.md). To look into a row: `BENCH_NO_SAVES=1` skips the
 * draft saves of the write part, `BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` profiles the app.
 */
const ONLY = process.env.BENCH_ONLY ?? (process.argv.includes('national') ? 'national' : undefined);
const runs = (part: 'http' | 'scale' | 'national') => !ONLY || ONLY === part || (part === 'http' && ONLY === 'write');

function ensureBuilt() {
  // the whole app: the first-load and dashboard rows open the built SPA in Chromium (the build skips what did not change)
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

/** The national rows on a database of their own (their tree must not meet the other rows' generated units). */
async function national() {
  const db = await createSuiteDatabase();
  const app = await new AppProcess({ databaseUrl: db?.url, env: { RUN_JOBS: 'true', JOBS_POLL_SECONDS: '0.5', JOBS_SCHEDULE: 'false' } }).start();
  const sql = new Sql(app.databaseUrl(), 4);
  try {
    rows.push(...(await nationalRows(app, sql)));
  } finally {
    await sql.end();
    await app.dispose();
    await db?.drop();
  }
}

let loadAtStart = '';

async function main() {
  loadAtStart = os.loadavg().map((l) => l.toFixed(1)).join(', ');
  ensureBuilt();
  const db = await createSuiteDatabase();
  const app = await new AppProcess({ databaseUrl: db?.url, env: { RUN_JOBS: 'true', JOBS_POLL_SECONDS: '0.5', JOBS_SCHEDULE: 'false', }, nodeArgs: process.env.BENCH_APP_NODE_ARGS?.split(' ') }).start();
  // BDG_EXIT_GUARD=1 (.ci/run): with the app up, fail on purpose so the exit code is proven to reflect failure.
  if (process.env.BDG_EXIT_GUARD) {
    await app.stop();
    throw new Error('exit-code guard: the benchmark fails on purpose');
  }
  const sql = new Sql(app.databaseUrl(), 8);
  const pgVersion = (await sql.one<{ v: string }>(`SELECT current_setting('server_version') AS v`)).v;
  const facts = [
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.platform()} ${os.release()}`,
    `Node ${process.version}, PostgreSQL ${pgVersion} (${db ? 'DATABASE_URL server' : 'embedded'}), ${CONNECTIONS} connections, ${DURATION} s per HTTP run, ${SCHOOLS} schools`,
  ];
  console.log(facts.join('\n'));
  try {
    if (runs('http')) {
      const ctx = await prepare(app, sql);
      await transitions(app, sql, ctx);
      if (!process.env.BENCH_NO_SAVES) await saves(app, sql, ctx);
      // last: it publishes its own template and stores one maximum-size draft
      if (ONLY !== 'write') rows.push(await hostileRow(app, sql));
      if (ONLY !== 'write') rows.push(...(await firstLoadRows(app, sql)));
    }
    if (runs('scale')) rows.push(...(await scaleRows(app, sql)));
  } finally {
    await sql.end();
    await app.dispose();
    await db?.drop();
  }
  if (runs('national')) await national();
  if (!ONLY) await startTimes();
  const table = render(rows);
  console.log('\n' + table);
  const alone = ONLY === 'national';
  // A partial run (scale, write) prints its rows but keeps the full table of the last complete run.
  if (ONLY && !alone) return;
  if (runs('national')) facts.push(`National tree: ${NATIONAL_SHAPE} under the ministry root, on a database of its own`);
  // The machine is shared: how busy it was says how far the figures are from an idle machine's.
  facts.push(`Load average at the start / the end: ${loadAtStart} / ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} (${os.cpus().length} cores)`);
  writeFileSync(
    path.join(HERE, alone ? 'RESULTS-national.md' : 'RESULTS.md'),
    `# Benchmarks${alone ? ' — national rows' : ''} — ${new Date().toISOString().slice(0, 10)}\n\nCommand: \`${alone ? 'npm run bench -w @bdg/test -- national' : 'npm run bench'}\` (from the repository root)\n\n${facts.map((f) => `- ${f}`).join('\n')}\n\n${table}\n`,
  );
}

interface Ctx {
  subs: string[];
  tokens: string[];
  versions: number[];
  schoolNames: string[];
}

/** A generated Phòng with SCHOOLS schools (SQL, ltree paths as the app writes them), one user per school
 * holding editor+head, a round over them, every form filled. Tokens are signed with the app's secret. */
async function prepare(app: AppProcess, sql: Sql): Promise<Ctx> {
  const api = new Api(app.url);
  const phong = await sql.one<{ id: string; path: string }>(`SELECT id, path::text AS path FROM org_unit WHERE code = 'PGD-KC'`);
  const hash = (await sql.one<{ h: string }>(`SELECT password_hash AS h FROM app_user WHERE username = 'kc.th-tan-dan.editor'`)).h;
  await sql.q(
    `WITH u AS (
       SELECT gen_random_uuid() AS id, g FROM generate_series(1, $1::int) g
     ), ins AS (
       INSERT INTO org_unit (id, code, name, kind, parent_id, path)
       SELECT id, 'BENCH-' || g, 'Trường thử ' || g, 'truong_th', $2::uuid, ($3 || '.u' || replace(id::text, '-', ''))::ltree FROM u
       RETURNING id, code)
     INSERT INTO app_user (username, password_hash, full_name, unit_id, roles)
     SELECT lower(code), $4, 'Người thử ' || code, id, '{editor,head}' FROM ins`,
    [SCHOOLS, phong.id, phong.path, hash],
  );
  const admin = signJwt({ sub: (await sql.one<{ id: string }>(`SELECT id FROM app_user WHERE username = 'hy.admin'`)).id, exp: Math.floor(Date.now() / 1000) + 3600 }, app.jwtSecret);
  const round = await api.post('/api/rounds', admin, {
    name: 'Đợt đo hiệu năng',
    template: { code: 'khoai-chau-bdg-2016-2020', version: 1 },
    rootUnitId: phong.id,
    period: 'bench',
    flows: { truong_th: 'truong' },
    deadlines: { truong_th: '2030-01-01' },
  });
  if (round.status !== 201) throw new Error(`round: ${round.status} ${round.text}`);
  const subs = await sql.q<{ id: string; code: string; user_id: string; version: number }>(
    `SELECT s.id, u.code, a.id AS user_id, s.version FROM submission s JOIN org_unit u ON u.id = s.unit_id
     JOIN app_user a ON a.unit_id = u.id WHERE s.round_id = $1 AND u.code LIKE 'BENCH-%' ORDER BY u.code`,
    [round.body.id],
  );
  const ctx: Ctx = { subs: [], tokens: [], versions: [], schoolNames: [] };
  for (const s of subs) {
    ctx.subs.push(s.id);
    ctx.tokens.push(signJwt({ sub: s.user_id, exp: Math.floor(Date.now() / 1000) + 3600 }, app.jwtSecret));
    ctx.versions.push(s.version);
    ctx.schoolNames.push(s.code);
  }
  // fill every form (valid and complete), 16 at a time
  for (let i = 0; i < ctx.subs.length; i += 16)
    await Promise.all(
      ctx.subs.slice(i, i + 16).map(async (id, k) => {
        const j = i + k;
        const r = await api.save(ctx.tokens[j]!, id, khoaiChauReport(ctx.schoolNames[j]!, figures(j)), ctx.versions[j]!);
        if (r.status !== 200) throw new Error(`fill ${j}: ${r.status} ${r.text}`);
        ctx.versions[j] = r.body.version;
      }),
    );
  return ctx;
}

const seen = new Map<number, number>();
const sample = new Map<number, string>();
function tally(status: number, body: string) {
  seen.set(status, (seen.get(status) ?? 0) + 1);
  if (!sample.has(status)) sample.set(status, `${String(body).length} chars: ${String(body).slice(0, 3000)}`);
}
export function dumpTally(label: string) {
  if (process.env.BENCH_DEBUG) console.log(label, Object.fromEntries(seen), Object.fromEntries(sample));
  seen.clear();
  sample.clear();
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** Event transitions over HTTP: each connection cycles its own submissions SUBMIT → REJECT → SUBMIT … */
async function transitions(app: AppProcess, sql: Sql, ctx: Ctx) {
  const state = ctx.subs.map(() => 'draft');
  const result = await closedLoop(app.url, {
    connections: CONNECTIONS,
    seconds: DURATION,
    items: ctx.subs.length,
    step: (j) => {
      const type = state[j] === 'draft' ? 'SUBMIT' : 'REJECT';
      return { method: 'POST', path: `/api/submissions/${ctx.subs[j]}/events`, token: ctx.tokens[j]!, body: type === 'REJECT' ? { type, comment: 'Đo hiệu năng' } : { type } };
    },
    answered: (j, status, body) => {
      tally(status, body);
      if (status === 200) state[j] = JSON.parse(body).state;
    },
  });
  dumpTally('transitions');
  const http = result.ok / DURATION;
  const non2xx = result.non2xx;

  // ceiling: the same SQL (row lock, update, log insert) straight through pg, 32 clients
  const pool = new pg.Pool({ connectionString: app.databaseUrl(), max: CONNECTIONS });
  const lat: number[] = [];
  let n = 0;
  const until = performance.now() + DURATION * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, c) => {
      const client = await pool.connect();
      let k = 0;
      const mine = Math.floor(ctx.subs.length / CONNECTIONS);
      while (performance.now() < until) {
        const id = ctx.subs[c + CONNECTIONS * (k++ % mine)];
        const t0 = performance.now();
        await client.query('BEGIN');
        const row = await client.query('SELECT state, snapshot FROM submission WHERE id = $1 FOR UPDATE', [id]);
        const to = row.rows[0].state === 'draft' ? 'pending_signature' : 'draft';
        await client.query(`UPDATE submission SET state = $2, snapshot = $3, version = version + 1, updated_at = now() WHERE id = $1`, [id, to, row.rows[0].snapshot]);
        const last = await client.query('SELECT seq, hash FROM transition_log WHERE submission_id = $1 ORDER BY seq DESC LIMIT 1', [id]);
        await client.query(
          `INSERT INTO transition_log (submission_id, seq, event, from_state, to_state, actor_id, comment, effects, data_hash, at, prev_hash, hash)
           VALUES ($1, $2, 'BENCH', $3, $4, NULL, NULL, '[]', NULL, now(), $5, md5(random()::text))`,
          [id, (last.rows[0]?.seq ?? 0) + 1, row.rows[0].state, to, last.rows[0]?.hash ?? null],
        );
        await client.query('COMMIT');
        lat.push(performance.now() - t0);
        n++;
      }
      client.release();
    }),
  );
  await pool.end();
  const ceiling = n / DURATION;
  const ratio = http / ceiling;
  const p99 = result.p99;
  rows.push({
    what: `event transitions/s, ${CONNECTIONS} clients over HTTP — p50/p99 ${result.p50.toFixed(0)}/${p99.toFixed(0)} ms${non2xx ? `, ${non2xx} non-2xx` : ''}`,
    measured: `${http.toFixed(0)}/s (${(ratio * 100).toFixed(0)} %)`,
    ceiling: `${ceiling.toFixed(0)}/s same SQL via pg (p50/p99 ${pct(lat, 50).toFixed(1)}/${pct(lat, 99).toFixed(1)} ms)`,
    target: '≥ 60 % of ceiling, p99 < 50 ms',
    pass: ratio >= 0.6 && p99 < 50,
  });
}

/** Draft saves over HTTP: each connection saves its own drafts, carrying the version it was given. */
async function saves(app: AppProcess, _sql: Sql, ctx: Ctx) {
  // back to draft everywhere: reopen with the row state the ceiling left (simplest: reset by SQL)
  await _sql.q(`UPDATE submission SET state = 'draft', snapshot = jsonb_set(snapshot, '{value}', '"draft"'), locked = false WHERE id = ANY($1)`, [ctx.subs]);
  const rowsNow = await _sql.q<{ id: string; version: number }>(`SELECT id, version FROM submission WHERE id = ANY($1)`, [ctx.subs]);
  const ver = new Map(rowsNow.map((r) => [r.id, r.version]));
  const versions = ctx.subs.map((id) => ver.get(id)!);
  let k = 0;
  const result = await closedLoop(app.url, {
    connections: CONNECTIONS,
    seconds: DURATION,
    items: ctx.subs.length,
    step: (j) => ({ method: 'PUT', path: `/api/submissions/${ctx.subs[j]}/data`, token: ctx.tokens[j]!, body: { data: khoaiChauReport(ctx.schoolNames[j]!, figures(k++)), version: versions[j] } }),
    answered: (j, status, body) => {
      tally(status, body);
      if (status === 200) versions[j] = JSON.parse(body).version;
    },
  });
  dumpTally('saves');
  const perSec = result.ok / DURATION;
  // ceiling: AJV validation of the same document alone, in this process, one core
  const tpl = await new Api(app.url).get('/api/templates/khoai-chau-bdg-2016-2020/versions/1', ctx.tokens[0]);
  const v = getValidator(tpl.body.schema, 'bench');
  const doc = khoaiChauReport('x', figures(1));
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < 2000) {
    v.validateDraft(doc);
    n++;
  }
  const ajv = n / ((performance.now() - t0) / 1000);
  rows.push({
    what: `draft saves/s (PUT data: validate + computed + jsonb update), ${CONNECTIONS} clients — p50/p99 ${result.p50.toFixed(0)}/${result.p99.toFixed(0)} ms${result.non2xx ? `, ${result.non2xx} non-2xx` : ''}`,
    measured: `${perSec.toFixed(0)}/s`,
    ceiling: `${ajv.toFixed(0)}/s AJV validation alone (1 core)`,
    target: `≥ 1,000/s on ${os.cpus().length} cores`,
    pass: perSec >= 1000,
  });
}

/** `npm start` on the embedded PostgreSQL: cold (empty DATA_DIR: initdb, migrations, seed) and warm. */
async function startTimes() {
  const dir = makeDataDir();
  const a = new AppProcess({ dataDir: dir });
  const t0 = performance.now();
  await a.start();
  const cold = (performance.now() - t0) / 1000;
  await a.stop();
  await sleep(200);
  const t1 = performance.now();
  await a.start();
  const warm = (performance.now() - t1) / 1000;
  await a.dispose();
  rmSync(dir, { recursive: true, force: true });
  rows.push({
    what: `cold / warm start on the embedded PostgreSQL (node ${path.relative(ROOT, MAIN)} until /readyz 200; build excluded)`,
    measured: `${cold.toFixed(1)} s / ${warm.toFixed(1)} s`,
    ceiling: '—',
    target: '< 20 s / < 8 s',
    pass: cold < 20 && warm < 8,
  });
}

function render(rs: Row[]) {
  const head = ['measure', 'measured', 'ceiling (same run)', 'target', 'result'];
  const lines = rs.map((r) => [r.what, r.measured, r.ceiling, r.target, r.pass === null ? 'NOT RUN' : r.pass ? 'PASS' : 'MISS']);
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...lines.map((l) => `| ${l.join(' | ')} |`)].join('\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
