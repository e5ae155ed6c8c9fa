import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from './calendar.js';
import { escalationDay, isEscalationDue } from './escalation.js';

describe('escalationDay', () => {
  const calendar = new WorkingCalendar();

  it('counts working days after the deadline: a Friday deadline escalates on Tuesday', () => {
    // 12/06/2026 is a Friday.
    expect(escalationDay('2026-06-12', 2, calendar)).toBe('2026-06-16');
  });

  it('skips public holidays: 30/4 and 1/5 do not count', () => {
    // 29/04/2027 Thursday; 30/4 Friday and 1/5 Saturday are off, 3/5 Monday is nghỉ bù for 1/5.
    expect(escalationDay('2027-04-29', 1, calendar)).toBe('2027-05-04');
  });

  it('is due on that day and after, not before', () => {
    expect(isEscalationDue('2026-06-12', 2, calendar, '2026-06-15')).toBe(false);
    expect(isEscalationDue('2026-06-12', 2, calendar, '2026-06-16')).toBe(true);
    expect(isEscalationDue('2026-06-12', 2, calendar, '2026-06-20')).toBe(true);
  });
});
