import type { Regime } from '@bdg/regimes';
import { describe, expect, it } from 'vitest';
import { problemPlace, toForm, toRegime } from './regime-form';

const giaLai: Regime = {
  code: 'gia-lai-bdg-6-thang',
  name: 'Báo cáo 6 tháng (Gia Lai)',
  template: { code: 'bdg-vstbpn-dinh-ky' },
  frequency: 'half-year',
  halves: [1],
  cutOff: { from: '15/11', to: '20/5' },
  opens: { daysBeforeFirstDeadline: 30 },
  rootUnitCode: 'SO-GL',
  flows: { truong_th: 'truong', phong: 'phong', truong_thpt: 'truong-truc-tiep', so: 'so' },
  levels: [
    { kinds: ['truong_th'], label: 'trường', deadline: { date: '30/5' } },
    { kinds: ['phong', 'truong_thpt'], label: 'Phòng GD&ĐT và trường trực thuộc Sở', deadline: { date: '5/6' } },
    { kinds: ['so'], label: 'Sở GD&ĐT', deadline: { workingDaysAfterCutOff: 15 } },
  ],
  recipients: ['UBND tỉnh Gia Lai'],
};

describe('regime form', () => {
  it('round-trips a shipped plan unchanged', () => {
    expect(toRegime(toForm(giaLai))).toEqual(giaLai);
  });

  it('writes only what the chosen options use', () => {
    const f = { ...toForm(giaLai), frequency: 'year' as const, cutOffFrom: '', cutOffTo: '', opensMode: 'date' as const, opensDate: '20/5', templateVersion: 2, recipients: [' ', 'Bộ GD&ĐT'] };
    const r = toRegime(f);
    expect(r.halves).toBeUndefined();
    expect(r.cutOff).toBeUndefined();
    expect(r.opens).toEqual({ date: '20/5' });
    expect(r.template).toEqual({ code: 'bdg-vstbpn-dinh-ky', version: 2 });
    expect(r.recipients).toEqual(['Bộ GD&ĐT']);
  });

  it('names the place of a server problem in Vietnamese', () => {
    expect(problemPlace('definition.levels.1.deadline.date')).toBe('Các cấp › cấp 2 › Hạn nộp › Ngày');
    expect(problemPlace('definition.rootUnitCode')).toBe('Đơn vị gốc');
  });
});
