import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from './calendar.js';
import { checkDeadlines, dayOffFindings } from './deadline.js';
import { lintRegime } from './lint.js';

describe(lintRegime.name, () => {
  it.each([
    [{}, '/code'],
    [{ code: 'x-y', name: 'A', template: { code: 't' }, frequency: 'weekly', rootUnitCode: 'R', flows: { a: 'f' }, levels: [] }, '/frequency'],
    [{ code: 'x-y', name: 'A', template: { code: 't' }, frequency: 'year', rootUnitCode: 'R', flows: { a: 'f' }, levels: [{ kinds: ['a'], label: 'a', deadline: { date: '31/2' } }] }, '/levels/0/deadline/date'],
    [{ code: 'x-y', name: 'A', template: { code: 't' }, frequency: 'half-year', cutOff: { from: '15/12', to: '14/6' }, rootUnitCode: 'R', flows: { a: 'f' }, levels: [{ kinds: ['a'], label: 'a', deadline: { date: '1/7' } }] }, '/cutOff'],
    [{ code: 'x-y', name: 'A', template: { code: 't' }, frequency: 'multi-year', rootUnitCode: 'R', flows: { a: 'f' }, levels: [{ kinds: ['a'], label: 'a', deadline: { workingDaysAfterCutOff: 0 } }] }, '/firstPeriod'],
    [{ code: 'x-y', name: 'A', template: { code: 't' }, frequency: 'year', rootUnitCode: 'R', flows: { a: 'f' }, escalateAfterWorkingDays: 0, levels: [{ kinds: ['a'], label: 'a', deadline: { date: '1/12' } }] }, '/escalateAfterWorkingDays'],
  ])('names the problem in %j at %s, in Vietnamese', (input, path) => {
    const problems = lintRegime(input);
    expect(problems.map((p) => p.path)).toContain(path);
    for (const p of problems) expect(p.message).toMatch(/[àáảãạâăđêôơư]/i);
  });
});

describe(checkDeadlines.name, () => {
  const calendar = new WorkingCalendar();
  it('refuses a parent level due on or before its children, naming both levels', () => {
    const findings = checkDeadlines(
      [
        { kinds: ['truong_th'], label: 'trường', date: '2026-06-05' },
        { kinds: ['phong'], label: 'Phòng GD&ĐT', date: '2026-06-05' },
      ],
      [['phong', 'truong_th']],
      null,
      calendar,
    );
    expect(findings).toEqual([{ severity: 'error', message: expect.stringMatching(/cấp Phòng GD&ĐT \(05\/06\/2026\) phải sau hạn của cấp trường/) }]);
  });

  it('warns when a deadline is not one working day after the cut-off', () => {
    // Cut-off Friday 12/06/2026; a deadline on Sunday 14/06 has no working day in between.
    const findings = checkDeadlines([{ kinds: ['so'], label: 'Sở GD&ĐT', date: '2026-06-14' }], [], { from: '2025-12-15', to: '2026-06-12' }, calendar);
    expect(findings).toEqual([{ severity: 'warning', message: expect.stringMatching(/ít nhất 01 ngày làm việc/) }]);
  });
});

describe(dayOffFindings.name, () => {
  it('warns of a hand-typed deadline on a holiday or a weekend, naming the next working day', () => {
    const sut = dayOffFindings(
      [
        { kinds: ['truong_th'], label: 'trường', date: '2027-04-30' },
        { kinds: ['phong'], label: 'Phòng GD&ĐT', date: '2027-05-08' },
        { kinds: ['so'], label: 'Sở GD&ĐT', date: '2027-05-11' },
      ],
      new WorkingCalendar(),
    );
    expect(sut.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(sut[0]!.message).toMatch(/^Hạn của cấp trường \(30\/04\/2027\) là .+; ngày làm việc tiếp theo là 04\/05\/2027\.$/);
    expect(sut[1]!.message).toMatch(/08\/05\/2027\) là ngày nghỉ cuối tuần; ngày làm việc tiếp theo là 10\/05\/2027/);
  });
});
