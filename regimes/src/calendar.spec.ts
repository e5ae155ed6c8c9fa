import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from './calendar.js';
import { weekday } from './dates.js';

describe(WorkingCalendar.name, () => {
  const sut = new WorkingCalendar();

  // Mùng 1 Tết as the Government announced it (Vietnam's lunar calendar, UTC+7). 2030 is the year
  // Vietnam and China differ: the new moon falls at 23:07 on 02/02 in Hà Nội, 00:07 on 03/02 in Bắc Kinh.
  it.each([
    ['2025-01-29'],
    ['2026-02-17'],
    ['2027-02-06'],
    ['2028-01-26'],
    ['2029-02-13'],
    ['2030-02-02'],
  ])('Tết Nguyên Đán %s is off, with giao thừa and the three days after', (tet) => {
    const off = sut.daysOff(Number(tet.slice(0, 4))).map((d) => d.date);
    const day = (n: number) => new Date(Date.parse(`${tet}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    for (const n of [-1, 0, 1, 2, 3]) expect(off).toContain(day(n));
    expect(sut.dayOff(tet)?.name).toBe('Tết Nguyên Đán');
  });

  it.each([
    ['2025-04-07'],
    ['2026-04-26'],
    ['2027-04-16'],
  ])('Giỗ Tổ Hùng Vương (10/3 âm lịch) %s is off', (date) => {
    expect(sut.isWorkingDay(date)).toBe(false);
    expect(sut.dayOff(date)?.name).toMatch(/Hùng Vương/);
  });

  it('gives the next working day off when a holiday falls on a weekend (nghỉ bù)', () => {
    expect(weekday('2026-04-26')).toBe(0);
    expect(sut.dayOff('2026-04-27')).toMatchObject({ kind: 'compensatory', name: 'Nghỉ bù Giỗ tổ Hùng Vương' });
    // 01/01/2028 is a Saturday: Monday 03/01 is off.
    expect(sut.isWorkingDay('2028-01-03')).toBe(false);
  });

  it('keeps Quốc khánh two days, the second on a weekday next to 2/9', () => {
    expect(sut.isWorkingDay('2025-09-01')).toBe(false);
    expect(sut.isWorkingDay('2025-09-02')).toBe(false);
    // 01/09/2030 is a Sunday: the adjacent day is Tuesday 03/09.
    expect(sut.dayOff('2030-09-03')?.name).toBe('Quốc khánh (ngày liền kề)');
  });

  it("takes the year's decision as adjustments (2025: off 25/01–02/02, Saturday 08/02 worked)", () => {
    const y2025 = new WorkingCalendar({
      holidays: [{ date: '2025-01-27', name: 'Nghỉ Tết (hoán đổi)' }],
      workingDays: ['2025-02-03', '2025-02-08'],
    });
    for (let d = 25; d <= 31; d++) expect(y2025.isWorkingDay(`2025-01-${d}`)).toBe(false);
    expect(y2025.isWorkingDay('2025-02-01')).toBe(false);
    expect(y2025.isWorkingDay('2025-02-03')).toBe(true);
    expect(y2025.isWorkingDay('2025-02-08')).toBe(true);
  });

  it('counts and adds working days across weekends and holidays', () => {
    // Thứ Tư 29/04/2026 → 30/4 and 1/5 off, then the weekend: next working day Monday 04/05.
    expect(sut.addWorkingDays('2026-04-29', 1)).toBe('2026-05-04');
    expect(sut.onOrAfter('2026-05-02')).toBe('2026-05-04');
    expect(sut.workingDaysBetween('2026-04-29', '2026-05-04')).toBe(1);
    expect(sut.workingDaysBetween('2026-05-04', '2026-05-04')).toBe(0);
  });

  it('says whether a working day follows, looking no further than the first one (a far date computes no far year)', () => {
    expect(sut.hasWorkingDayAfter('2026-04-29', '2026-05-03')).toBe(false);
    expect(sut.hasWorkingDayAfter('2026-04-29', '2026-05-04')).toBe(true);
    expect(sut.hasWorkingDayAfter('2026-05-04', '2026-05-04')).toBe(false);
    expect(sut.hasWorkingDayAfter('2026-04-29', '2999-12-31')).toBe(true);
  });
});
