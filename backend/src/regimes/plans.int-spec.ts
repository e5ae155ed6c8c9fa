import { addDays } from '@bdg/regimes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { EscalationService } from './escalation.service.js';
import { RegimesService } from './regimes.service.js';

const PLANS = [
  'an-giang-so-lieu-bdg',
  'ba-dinh-bdg-6-thang',
  'gia-lai-bdg-6-thang',
  'gia-lai-bdg-nam',
  'gia-lai-chien-luoc-2021-2030',
  'hoa-binh-bdg-6-thang',
  'hoa-binh-bdg-nam',
  'khoai-chau-bdg-6-thang',
  'phu-tho-vstbpn-6-thang',
];

interface Planned {
  period: string;
  opensOn: string;
  deadlines: Array<{ kinds: string[]; date: string }>;
  findings: unknown[];
}

/** Each shipped plan on its demo tree, on a moved clock: opens on its day, notifies, orders its levels, escalates the late. */
describe('the shipped plans run on their demo trees', () => {
  let sut: TestApp;
  let admin = '';

  beforeAll(async () => {
    sut = await createTestApp({ SEED_DEMO: 'true' });
    admin = await sut.login('admin');
  });
  afterAll(() => sut.close());

  it.each(PLANS)('%s: its round after the demo opens on its day, once, and late units reach the level above', async (code) => {
    const preview = await sut.http.get(`/api/regimes/${code}/preview?from=2028-01-01&count=1`).set({ Authorization: `Bearer ${admin}` });
    expect(preview.status).toBe(200);
    const plan = preview.body.rounds[0] as Planned;
    expect(plan.findings).toEqual([]);
    const regimes = sut.app.get(RegimesService);
    const mine = (opened: Array<{ regime: string; roundId?: string; error?: string }>) => opened.filter((o) => o.regime === code);
    expect(mine(await regimes.openDue(addDays(plan.opensOn, -1)))).toEqual([]);
    const [opened, twin] = await Promise.all([regimes.openDue(plan.opensOn), regimes.openDue(plan.opensOn)]);
    expect([...mine(opened), ...mine(twin)].every((o) => !o.error)).toBe(true);
    const rounds = await sut.sql<{ id: string; deadlines: Record<string, string> }>(
      `SELECT r.id, r.deadlines FROM round r JOIN reporting_regime g ON g.id = r.regime_id WHERE g.code = $1 AND r.period = $2`,
      [code, plan.period],
    );
    expect(rounds).toHaveLength(1);
    const round = rounds[0]!;
    // Each level's deadline, in order up the tree.
    for (const level of plan.deadlines) for (const kind of level.kinds) if (kind in round.deadlines) expect(round.deadlines[kind]).toBe(level.date);
    const notified = await sut.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification n JOIN submission s ON s.id = n.submission_id WHERE s.round_id = $1 AND n.kind = 'round-opened'`,
      [round.id],
    );
    expect(notified[0]!.n).toBeGreaterThan(0);
    // Ten days after the last deadline nobody has handed in: every unit with a parent in the round is escalated.
    const last = plan.deadlines.map((d) => d.date).sort().at(-1)!;
    await sut.app.get(EscalationService).run(new Date(`${addDays(last, 10)}T03:00:00Z`));
    const [counts] = await sut.sql<{ withParent: number; escalated: number }>(
      `SELECT count(*) FILTER (WHERE s.parent_unit_id IS NOT NULL)::int AS "withParent",
              count(e.submission_id)::int AS escalated
         FROM submission s LEFT JOIN submission_escalation e ON e.submission_id = s.id WHERE s.round_id = $1`,
      [round.id],
    );
    expect(counts!.withParent).toBeGreaterThan(0);
    expect(counts!.escalated).toBe(counts!.withParent);
  });
});
