/**
 * kill -9 of the API process while 32 clients save and transition. After a restart on the same
 * DATA_DIR (embedded PostgreSQL: the orphan or stale postmaster.pid must be recovered) or the same
 * DATABASE_URL, every acknowledged write is there and no transition is half-applied.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { AppProcess, createSuiteDatabase, sleep, Sql } from '../support/app.js';
import { Api } from '../support/http.js';
import { figures, HY_SCHOOLS, khoaiChauReport, unitCode } from '../support/journey.js';
import { loadWorld } from '../support/world.js';

const CLIENTS = 32;

describe('kill -9 under load', () => {
  let app: AppProcess;
  let db: Awaited<ReturnType<typeof createSuiteDatabase>>;
  afterAll(async () => {
    await app?.dispose();
    await db?.drop();
  });

  it(`${CLIENTS} clients save, SUBMIT and REJECT in loops; after kill -9 and restart every acknowledged write is there`, async () => {
    db = await createSuiteDatabase();
    app = await new AppProcess({ databaseUrl: db?.url }).start();
    const api = new Api(app.url);
    let sql = new Sql(app.databaseUrl());
    const w = await loadWorld(sql);
    const t = await api.logins(HY_SCHOOLS.flatMap((s) => [`${s}.editor`, `${s}.head`]));
    await api.logins([]);

    // what the clients were told: per submission, the highest version acknowledged and the transitions acknowledged
    const acked = new Map<string, { version: number; transitions: number }>();
    let stop = false;
    let errors = 0;
    const client = async (c: number) => {
      const school = HY_SCHOOLS[c % HY_SCHOOLS.length]!;
      const id = w.sub[unitCode(school)]!;
      const ed = t[`${school}.editor`]!;
      const head = t[`${school}.head`]!;
      const note = (f: (a: { version: number; transitions: number }) => void) => {
        const a = acked.get(id) ?? { version: 0, transitions: 0 };
        f(a);
        acked.set(id, a);
      };
      let i = 0;
      while (!stop) {
        try {
          const cur = await api.get(`/api/submissions/${id}`, ed, { timeoutMs: 5000 });
          if (cur.status !== 200) continue;
          if (cur.body.state === 'draft') {
            const s = await api.save(ed, id, khoaiChauReport(school, figures(c * 1000 + i++)), cur.body.version);
            if (s.status === 200) note((a) => (a.version = Math.max(a.version, s.body.version)));
            const e = await api.event(ed, id, 'SUBMIT');
            if (e.status === 200) note((a) => a.transitions++);
          } else if (cur.body.state === 'pending_signature') {
            const e = await api.event(head, id, 'REJECT', { comment: `Sửa lại lần ${i}` });
            if (e.status === 200) note((a) => a.transitions++);
          }
        } catch {
          errors++;
          await sleep(50);
        }
      }
    };
    const running = Array.from({ length: CLIENTS }, (_, c) => client(c));
    // At least 4 s of load, and on a slow day until more transitions than clients were acknowledged.
    const acknowledged = () => [...acked.values()].reduce((n, a) => n + a.transitions, 0);
    const loadStart = Date.now();
    await sleep(4000);
    while (acknowledged() <= CLIENTS && Date.now() - loadStart < 60_000) await sleep(250);
    const before = acknowledged();
    await app.kill9();
    await sleep(300);
    stop = true;
    await Promise.all(running);
    expect(before).toBeGreaterThan(CLIENTS); // the load really ran
    expect(errors).toBeGreaterThan(0); // and some requests were cut off by the kill

    // a writer acknowledged after the kill is impossible; restart on the same data
    await sql.end();
    await app.start();
    sql = new Sql(app.databaseUrl());
    try {
      for (const [id, a] of acked) {
        const row = await sql.one<{ version: number; state: string; last: string | null; n: string }>(
          `SELECT s.version, s.state, (SELECT to_state FROM transition_log WHERE submission_id = s.id ORDER BY seq DESC LIMIT 1) AS last,
                  (SELECT count(*) FROM transition_log WHERE submission_id = s.id) AS n FROM submission s WHERE id = $1`,
          [id],
        );
        expect(row.version, `submission ${id}: acknowledged version lost`).toBeGreaterThanOrEqual(a.version);
        expect(Number(row.n), `submission ${id}: acknowledged transition lost`).toBeGreaterThanOrEqual(a.transitions);
        if (row.last) expect(row.state, `submission ${id}: state and log disagree`).toBe(row.last);
        const v = await api.get(`/api/submissions/${id}/verify`, t['kc.th-tan-dan.editor']);
        if (v.status === 200) expect(v.body.ok, JSON.stringify(v.body)).toBe(true);
      }
      // verify as someone who sees every submission
      const root = await api.login('admin', 'Admin@Proof1');
      for (const id of acked.keys()) expect((await api.get(`/api/submissions/${id}/verify`, root)).body.ok).toBe(true);
      expect((await api.get('/readyz')).status).toBe(200);
    } finally {
      await sql.end();
    }
  });
});
