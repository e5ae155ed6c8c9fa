import { describe, expect, it } from 'vitest';
import { buildRoundPayload, roundProblems, suggestFlow } from './round-payload';

const draft = {
  name: ' Báo cáo BĐG năm 2025 ',
  period: '2025',
  template: { code: 'bdg-truong', version: 2 },
  rootUnitId: 'phong-kc',
  rows: [
    { kind: 'phong', flowCode: 'phong', deadline: '2025-05-20' },
    { kind: 'truong_th', flowCode: 'truong', deadline: '2025-05-12' },
    { kind: 'xa' },
  ],
};

describe('buildRoundPayload', () => {
  it('builds the POST /api/rounds body, leaving out kinds without a flow', () => {
    expect(buildRoundPayload(draft)).toEqual({
      name: 'Báo cáo BĐG năm 2025',
      period: '2025',
      template: { code: 'bdg-truong', version: 2 },
      rootUnitId: 'phong-kc',
      flows: { phong: 'phong', truong_th: 'truong' },
      deadlines: { phong: '2025-05-20', truong_th: '2025-05-12' },
    });
  });
  it.each([
    [{ name: '' }, /tên đợt/],
    [{ template: undefined }, /biểu mẫu/],
    [{ rootUnitId: undefined }, /đơn vị gốc/],
    [{ rows: [{ kind: 'phong', flowCode: 'phong' }] }, /hạn nộp cho loại đơn vị “phong”/],
    [{ rows: [{ kind: 'xa' }] }, /quy trình/],
    [
      {
        rows: [
          { kind: 'a', flowCode: 'x', deadline: '2025-01-01' },
          { kind: 'a', flowCode: 'y', deadline: '2025-01-01' },
        ],
      },
      /hai lần/,
    ],
  ])('names what is missing: %o', (patch, msg) => {
    expect(roundProblems({ ...draft, ...patch }).join(' ')).toMatch(msg);
    expect(() => buildRoundPayload({ ...draft, ...patch })).toThrow(msg);
  });
  it('suggests a flow by kind family', () => {
    expect(suggestFlow('truong_thcs', ['truong', 'phong'])).toBe('truong');
    expect(suggestFlow('so', ['truong'])).toBeUndefined();
  });
});
