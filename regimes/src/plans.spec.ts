import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from './calendar.js';
import { lintRegime } from './lint.js';
import { type Regime, roundsDue, upcomingRounds } from './regime.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'plans');
const plans = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Regime] as const);

describe('the shipped regimes (regimes/plans)', () => {
  const calendar = new WorkingCalendar();

  it('ships the five provincial plans and the post-07/2025 tree', () => {
    expect(plans.map(([, p]) => p.code).sort()).toEqual([
      'an-giang-so-lieu-bdg',
      'ba-dinh-bdg-6-thang',
      'gia-lai-bdg-6-thang',
      'gia-lai-bdg-nam',
      'gia-lai-chien-luoc-2021-2030',
      'hoa-binh-bdg-6-thang',
      'hoa-binh-bdg-nam',
      'khoai-chau-bdg-6-thang',
      'phu-tho-vstbpn-6-thang',
    ]);
  });

  it.each(plans)('%s passes lint and plans ordered deadlines, each a working day after the cut-off', (_file, plan) => {
    expect(lintRegime(plan)).toEqual([]);
    const next = upcomingRounds(plan, calendar, '2026-01-01', 2);
    expect(next).toHaveLength(2);
    for (const round of next) {
      expect(round.findings).toEqual([]);
      const dates = round.deadlines.map((d) => d.date);
      expect([...dates].sort()).toEqual(dates);
      for (const d of round.deadlines) expect(calendar.isWorkingDay(d.date)).toBe(true);
      expect(round.opensOn < dates[0]!).toBe(true);
    }
  });

  it("opens Gia Lai's 6-month round on its day and moves a deadline off a Sunday", () => {
    const plan = plans.find(([, p]) => p.code === 'gia-lai-bdg-6-thang')![1];
    // 10/06/2029 is a Sunday: the Sở's deadline moves to Monday 11/06/2029, with a note.
    const [r2029] = upcomingRounds(plan, calendar, '2029-01-01', 1);
    expect(r2029).toMatchObject({ period: '2029-H1', periodLabel: '6 tháng đầu năm 2029' });
    expect(r2029!.deadlines.at(-1)).toMatchObject({ date: '2029-06-11', requested: '2029-06-10' });
    expect(r2029!.deadlines.at(-1)!.note).toMatch(/11\/06\/2029/);
    expect(roundsDue(plan, calendar, '2029-04-29').map((r) => r.period)).toEqual([]);
    expect(roundsDue(plan, calendar, r2029!.opensOn).map((r) => r.period)).toEqual(['2029-H1']);
    expect(roundsDue(plan, calendar, '2029-06-12').map((r) => r.period)).toEqual([]);
  });
});
