/**
 * The national rows of the benchmark (issue #17): the tree of national-tree.ts, one round over the
 * national root opened through the API (a background job), half a season of states spread by SQL,
 * then for a person at each level (ministry, Sở, xã, school) the first routes they open — time and size —
 * and the "Tiến độ" dashboard rendered in Chromium at ministry and Sở level. The people of every generated unit
 * are written after the round is opened (the round's rows measure what they measured before), before the
 * routes are timed: the ministry's and the Sở's admin then list them.
 * `npm run bench -w @bdg/test -- national` runs this part alone.
 */
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import type { AppProcess, Sql } from '../support/app.js';
import { Api, signJwt } from '../support/http.js';
import { generateNationalTree, generateNationalUsers, NATIONAL, spreadStates } from './national-tree.js';
import type { ScaleRow } from './scale.js';

const API_MS = 300;
const API_BYTES = 1024 * 1024;
const DASHBOARD_MS = 2000;
const ROUNDS = 3;

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 10 * 1024 ? `${Math.round(n / 1024)} KB` : `${(n / 1024).toFixed(1)} KB`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A route as a person opens it: the median of a few calls after one warm-up, and the size of the answer. */
async function timeRoute(api: Api, token: string, path: string) {
  const first = await api.get(path, token);
  if (first.status !== 200) return { ms: NaN, bytes: 0, status: first.status };
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    const r = await api.get(path, token);
    times.push(performance.now() - t0);
    bytes = Buffer.byteLength(r.text);
  }
  return { ms: median(times), bytes, status: 200 };
}

async function openRound(api: Api, admin: string, sql: Sql, rootId: string) {
  const t0 = performance.now();
  const res = await api.post('/api/rounds', admin, {
    name: 'Đợt quốc gia thử tải',
    template: { code: 'bdg-vstbpn-dinh-ky', version: 1 },
    rootUnitId: rootId,
    period: '6 tháng 2026',
    flows: { so: 'so', xa: 'phong', phong: 'phong', truong_mn: 'truong', truong_th: 'truong', truong_thcs: 'truong', truong_thpt: 'truong-truc-tiep' },
    deadlines: { truong_mn: '2026-06-10', truong_th: '2026-06-10', truong_thcs: '2026-06-10', truong_thpt: '2026-06-10', xa: '2026-06-20', phong: '2026-06-20', so: '2026-06-30' },
    carryForward: false,
  });
  const answerMs = performance.now() - t0;
  if (res.status !== 202 && res.status !== 201) throw new Error(`national round: ${res.status} ${res.text}`);
  if (res.status === 202)
    for (;;) {
      const job = await api.get(`/api/jobs/${res.body.jobId}`, admin);
      if (job.body.state === 'completed') break;
      if (job.body.state === 'failed') throw new Error(`round-open job failed: ${job.body.error}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  const doneMs = performance.now() - t0;
  const n = await sql.one<{ n: number }>(`SELECT count(*)::int AS n FROM submission WHERE round_id = $1`, [res.body.id]);
  return { roundId: res.body.id as string, status: res.status, answerMs, doneMs, submissions: n.n };
}

/** The dashboard in Chromium until the children table shows, with the JS heap it took. */
async function dashboard(url: string, token: string, roundId: string): Promise<{ ms: number; heapMb: number; progressMs: number }> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript((t) => localStorage.setItem('bdg.token', t), token);
    // Warm the browser's cache of the app's scripts once (a person opens the app before the dashboard).
    await page.goto(`${url}/`, { waitUntil: 'load' });
    // When the level's answer arrived: the rest is the browser's own work.
    let progressMs = NaN;
    page.on('response', (r) => {
      if (r.url().includes('/progress') && Number.isNaN(progressMs)) progressMs = performance.now() - t0;
    });
    const t0 = performance.now();
    await page.goto(`${url}/dashboard/${roundId}`, { waitUntil: 'domcontentloaded' });
    await page.locator('[data-testid="children-table"] tr.ant-table-row').first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('[data-testid="chart-levels"]').waitFor({ state: 'visible', timeout: 60_000 });
    const ms = performance.now() - t0;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = (await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }))) as { metrics: { name: string; value: number }[] };
    const heap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    return { ms, heapMb: heap / 1024 / 1024, progressMs };
  } finally {
    await browser.close();
  }
}

/**
 * The alternative to the counters, for the ceiling column: the same level answered by aggregating the
 * submissions themselves (indexed ltree path, GROUP BY child subtree and state).
 */
async function directSql(sql: Sql, roundId: string, unitId: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await sql.q(
      `SELECT subpath(o.path, 0, nlevel(n.path) + 1) AS child, s.state, count(*)::int AS total,
              count(*) FILTER (WHERE s.state_tags && '{submitted,done}' OR s.final)::int AS done,
              count(*) FILTER (WHERE s.deadline < now() AND NOT (s.state_tags && '{submitted,done}' OR s.final))::int AS late
         FROM submission s JOIN org_unit o ON o.id = s.unit_id CROSS JOIN (SELECT path FROM org_unit WHERE id = $2) n
        WHERE s.round_id = $1 AND o.path <@ n.path AND o.path <> n.path GROUP BY 1, 2`,
      [roundId, unitId],
    );
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function nationalRows(app: AppProcess, sql: Sql): Promise<ScaleRow[]> {
  const api = new Api(app.url);
  const rows: ScaleRow[] = [];
  const hash = (await sql.one<{ h: string }>(`SELECT password_hash AS h FROM app_user WHERE username = 'admin'`)).h;
  const g0 = performance.now();
  const tree = await generateNationalTree(sql, hash);
  const genMs = performance.now() - g0;
  const token = async (username: string) =>
    signJwt({ sub: (await sql.one<{ id: string }>(`SELECT id FROM app_user WHERE username = $1`, [username])).id, exp: Math.floor(Date.now() / 1000) + 7200 }, app.jwtSecret);
  const admin = await token('admin');

  const opened = await openRound(api, admin, sql, tree.rootId);
  rows.push({
    what: `open a round over the national root (${opened.submissions.toLocaleString('en')} submissions; tree of ${tree.units.toLocaleString('en')} units generated by SQL in ${(genMs / 1000).toFixed(1)} s)`,
    measured: `answer ${Math.round(opened.answerMs)} ms (${opened.status}), job done in ${(opened.doneMs / 1000).toFixed(1)} s`,
    ceiling: '—',
    target: 'answer < 1 s with a job to follow; job < 60 s',
    pass: opened.status === 202 && opened.answerMs < 1000 && opened.doneMs < 60_000,
  });
  console.log(`${rows[0]!.what}: ${rows[0]!.measured}`);
  // Half a season: states spread by SQL (the tallies rebuilt once, as a unit move would).
  await sql.q(`ALTER TABLE submission DISABLE TRIGGER submission_tally_update`);
  await spreadStates(sql, opened.roundId);
  await sql.q(`ALTER TABLE submission ENABLE TRIGGER submission_tally_update`);
  await sql.q(`SELECT round_tally_rebuild($1)`, [opened.roundId]);
  await sql.q(`ANALYZE round_tally`);
  const users = await generateNationalUsers(sql, hash);
  console.log(`national users generated: ${users.toLocaleString('en')}`);

  const people = [
    { level: 'ministry', token: admin, unitId: tree.rootId, admin },
    { level: 'Sở', token: await token('nat.so.reviewer'), unitId: tree.so.id, admin: await token(`${tree.so.code.toLowerCase()}.admin`) },
    { level: 'xã', token: await token('nat.xa.reviewer'), unitId: tree.xa.id },
    { level: 'school', token: await token('nat.school.editor'), unitId: tree.school.id },
  ];
  for (const p of people) {
    const routes: (readonly [string, string, string?])[] = [
      ['progress', `/api/rounds/${opened.roundId}/progress`],
      ['submissions list', `/api/submissions?roundId=${opened.roundId}`],
      ['org tree', `/api/org-units`],
      ['my work', `/api/my-work`],
    ];
    // The ministry's admin also reads the log ("Nhật ký"), and a list sorted by deadline (the index of migration LargeListIndexes).
    if (p.level === 'ministry') routes.push(['audit log', '/api/audit'], ['submissions by deadline', `/api/submissions?roundId=${opened.roundId}&sort=-deadline`]);
    // The admins of the two upper levels list their people ("Người dùng"): the ministry's also by name (the index of migration
    // UsersListIndex), the Sở's by username descending (its people come last that way: an index walk would pass everyone else's).
    if (p.admin) routes.push(['users list', '/api/users', p.admin]);
    if (p.level === 'ministry') routes.push(['users by name', '/api/users?sort=fullName', p.admin]);
    if (p.level === 'Sở') routes.push(['users by username, descending', '/api/users?sort=-username', p.admin]);
    for (const [name, path, asWho] of routes) {
      const r = await timeRoute(api, asWho ?? p.token, path);
      const direct = name === 'progress' ? await directSql(sql, opened.roundId, p.unitId) : null;
      rows.push({
        what: `national, ${p.level}: ${name} (GET ${path.replace(opened.roundId, ':id')})`,
        measured: r.status === 200 ? `${Math.round(r.ms)} ms, ${kb(r.bytes)}` : `HTTP ${r.status}`,
        ceiling: direct === null ? '—' : `counts without the tallies (SQL GROUP BY over the submissions): ${Math.round(direct)} ms`,
        target: '< 300 ms, < 1 MB',
        pass: r.status === 200 && r.ms < API_MS && r.bytes < API_BYTES,
      });
      console.log(`${rows.at(-1)!.what}: ${rows.at(-1)!.measured}`);
    }
  }
  for (const p of people.slice(0, 2)) {
    const what = `national, ${p.level}: "Tiến độ" dashboard in Chromium (navigation → children table and level chart shown)`;
    try {
      const d = await dashboard(app.url, p.token, opened.roundId);
      rows.push({ what, measured: `${(d.ms / 1000).toFixed(2)} s (level answer in at ${(d.progressMs / 1000).toFixed(2)} s), JS heap ${d.heapMb.toFixed(0)} MB`, ceiling: '—', target: '< 2 s', pass: d.ms < DASHBOARD_MS });
    } catch (e) {
      rows.push({ what, measured: `failed: ${String((e as Error).message).split('\n')[0]}`, ceiling: '—', target: '< 2 s', pass: false });
    }
    console.log(`${rows.at(-1)!.what}: ${rows.at(-1)!.measured}`);
  }
  return rows;
}

export const NATIONAL_SHAPE = `${NATIONAL.provinces} Sở × ${NATIONAL.communesPerProvince} xã × ${NATIONAL.schoolsPerCommune} schools, ${NATIONAL.usersPerUnit} users per unit`;
