import { describe, expect, it } from 'vitest';
import type { RoundProgress } from '../../../shared/api/types';
import { slugify } from './chart-png';
import { completionByParent, levelCompletion, numericIndicators } from './progress';

/** Names are the flow's own (a province may rename them); meaning comes with the tags. */
const TAGS: Record<string, string[]> = { thu_thap: ['collecting'], collecting: ['collecting'], da_duyet: ['done'], published: ['done'], soan_thao: ['editing'], da_gui: ['submitted'] };
const unit = (unitId: string, parentId: string | null, state: string, late = false) => ({
  unitId,
  unitCode: unitId,
  unitName: `Đơn vị ${unitId}`,
  kind: 'truong_th',
  parentId,
  submissionId: `s-${unitId}`,
  state,
  stateLabel: state,
  stateTags: TAGS[state],
  deadline: null,
  late,
});

describe('progress utils', () => {
  const progress = {
    round: {} as RoundProgress['round'],
    levels: [{ kind: 'truong_th', total: 4, byState: { soan_thao: 1, da_gui: 1, da_duyet: 2 }, late: 1, done: 3 }],
    units: [unit('P', null, 'thu_thap'), unit('A', 'P', 'da_duyet'), unit('B', 'P', 'soan_thao', true), unit('C', 'P', 'da_gui')],
  } as RoundProgress;

  it('completionByParent counts handed-in and late children', () => {
    expect(completionByParent(progress)).toEqual([{ unitId: 'P', unitName: 'Đơn vị P', total: 3, done: 2, late: 1, percent: 66.7 }]);
  });

  it('levelCompletion', () => {
    expect(levelCompletion(progress.levels[0])).toBe(75);
  });

  it('numericIndicators lists computed ratios first', () => {
    const schema = {
      properties: {
        nhanSu: {
          title: 'Nhân sự',
          properties: {
            tongSo: { type: 'integer', title: 'Tổng số' },
            tyLe: { type: ['number', 'null'], title: 'Tỷ lệ nữ', 'x-computed': 'a / b' },
            ghiChu: { type: 'string' },
          },
        },
      },
    };
    expect(numericIndicators(schema).map((i) => i.pointer)).toEqual(['/nhanSu/tyLe', '/nhanSu/tongSo']);
  });

  it('slugify drops Vietnamese marks', () => {
    expect(slugify('Tỷ lệ nữ CBQL — Đợt 1')).toBe('ty-le-nu-cbql-dot-1');
  });
});

describe('done as far as coverage goes', () => {
  it('a Sở that published with 1 of its 3 Phòng counts as one third, at its level and under its parent', () => {
    const so = { ...unit('SO', 'BO', 'published'), kind: 'so', coverage: { included: 1, expected: 3 } };
    const p = {
      round: {} as RoundProgress['round'],
      levels: [{ kind: 'so', total: 1, byState: { published: 1 }, late: 0 }],
      units: [{ ...unit('BO', null, 'collecting'), kind: 'bo' }, so],
    } as RoundProgress;
    expect(levelCompletion(p.levels[0]!, p.units)).toBe(33.3);
    expect(completionByParent(p)[0]).toMatchObject({ unitId: 'BO', done: 1 / 3, percent: 33.3 });
  });
});
