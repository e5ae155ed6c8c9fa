import { describe, expect, it } from 'vitest';
import { allowedEvents, transition, type Actor, type FlowDefinition, type FlowEvent, type SubmissionFacts } from './index.js';
import { actor, editor, facts, NOW, parentReviewer } from '../test-support/helpers.js';

/** The engine with each guard of the vocabulary on one transition (engine.spec.ts covers the shipped flows). */
const sut = transition;

describe('each guard of the vocabulary, alone', () => {
  const guardFlow = (guard: unknown, actions?: unknown): FlowDefinition => ({
    id: 'g',
    initial: 'a',
    meta: { label: 'Thử' },
    states: {
      a: {
        meta: { label: 'A' },
        on: { GO: { target: 'b', guard, ...(actions ? { actions } : {}), meta: { label: 'Đi' } } },
      },
      b: { type: 'final', meta: { label: 'B' } },
    },
  });
  const go = (
    def: FlowDefinition,
    who: Actor,
    f: SubmissionFacts,
    event: FlowEvent = { type: 'GO' },
    now = NOW,
  ) => sut(def, null, event, who, f, now);

  it.each([
    [
      'hasRole',
      { type: 'hasRole', params: { role: 'head' } },
      editor,
      facts(),
      { type: 'GO' },
      'ROLE_MISSING',
      'Bạn cần vai trò «Thủ trưởng đơn vị» để thực hiện thao tác này',
    ],
    [
      'hasRole',
      { type: 'hasRole', params: { roles: ['head', 'reviewer'] } },
      editor,
      facts(),
      { type: 'GO' },
      'ROLE_MISSING',
      'Bạn cần vai trò «Thủ trưởng đơn vị» hoặc «Người duyệt» để thực hiện thao tác này',
    ],
    [
      'isOwnUnit',
      'isOwnUnit',
      actor(['editor'], 'x'),
      facts(),
      { type: 'GO' },
      'ROLE_MISSING',
      'Chỉ người thuộc đơn vị lập báo cáo mới được thực hiện thao tác này',
    ],
    [
      'isParentReviewer',
      { type: 'isParentReviewer' },
      parentReviewer,
      facts({ parentUnitId: null }),
      { type: 'GO' },
      'ROLE_MISSING',
      'Chỉ người duyệt của đơn vị cấp trên mới được thực hiện thao tác này',
    ],
    [
      'formIsValid',
      { type: 'formIsValid' },
      editor,
      facts({ formErrorCount: 3 }),
      { type: 'GO' },
      'GUARD_FAILED',
      'Biểu mẫu còn 3 lỗi',
    ],
    [
      'childrenAccepted',
      { type: 'childrenAccepted' },
      editor,
      facts({ childrenTotal: 10, childrenAccepted: 9 }),
      { type: 'GO' },
      'GUARD_FAILED',
      'Cần tất cả đơn vị trực thuộc được chấp nhận (mới có 9/10)',
    ],
    [
      'childrenAccepted',
      { type: 'childrenAccepted', params: { percent: 80 } },
      editor,
      facts({ childrenTotal: 10, childrenAccepted: 7 }),
      { type: 'GO' },
      'GUARD_FAILED',
      'Cần ít nhất 80 % đơn vị trực thuộc được chấp nhận (mới có 7/10)',
    ],
    [
      'childrenAccepted',
      { type: 'childrenAccepted', params: { count: 3 } },
      editor,
      facts({ childrenTotal: 10, childrenAccepted: 2 }),
      { type: 'GO' },
      'GUARD_FAILED',
      'Cần ít nhất 3 đơn vị trực thuộc được chấp nhận (mới có 2/10)',
    ],
    [
      'beforeDeadline',
      { type: 'beforeDeadline' },
      editor,
      facts({ deadline: '2025-04-30' }),
      { type: 'GO' },
      'GUARD_FAILED',
      'Đã quá hạn nộp (23:59 ngày 30/04/2025)',
    ],
    [
      'hasComment',
      { type: 'hasComment' },
      editor,
      facts(),
      { type: 'GO', comment: '' },
      'GUARD_FAILED',
      'Cần nhập lý do trả lại',
    ],
  ] as const)('%s fails typed and worded', (guard, ref, who, f, event, code, message) => {
    expect(go(guardFlow(ref), who, f, event)).toEqual({ ok: false, refusal: { code, guard, message } });
  });

  it.each([
    [
      'childrenAccepted percent reached',
      { type: 'childrenAccepted', params: { percent: 80 } },
      facts({ childrenTotal: 10, childrenAccepted: 8 }),
      NOW,
    ],
    [
      'childrenAccepted count reached (a count alone does not demand 100 %)',
      { type: 'childrenAccepted', params: { count: 3 } },
      facts({ childrenTotal: 10, childrenAccepted: 3 }),
      NOW,
    ],
    [
      'childrenAccepted with no children',
      'childrenAccepted',
      facts({ childrenTotal: 0, childrenAccepted: 0 }),
      NOW,
    ],
    [
      'beforeDeadline on the last day (Vietnam time)',
      'beforeDeadline',
      facts({ deadline: '2025-04-30' }),
      new Date('2025-04-30T16:59:00Z'),
    ],
    [
      'beforeDeadline with grace days',
      { type: 'beforeDeadline', params: { graceDays: 2 } },
      facts({ deadline: '2025-04-30' }),
      NOW,
    ],
    ['beforeDeadline without a deadline', 'beforeDeadline', facts(), NOW],
  ] as const)('passes: %s', (_name, ref, f, now) => {
    expect(go(guardFlow(ref), editor, f, { type: 'GO' }, now).ok).toBe(true);
  });

  it('requireComment (action) refuses without a comment and returns the comment in its effect', () => {
    const def = guardFlow(undefined, [{ type: 'requireComment', params: { label: 'Ghi chú' } }]);
    expect(go(def, editor, facts())).toEqual({
      ok: false,
      refusal: { code: 'GUARD_FAILED', guard: 'requireComment', message: 'Cần nhập lý do trả lại' },
    });
    const r = go(def, editor, facts(), { type: 'GO', comment: ' Đã sửa ' });
    expect(r.ok && r.effects).toEqual([
      { type: 'requireComment', params: { label: 'Ghi chú', comment: 'Đã sửa' } },
    ]);
    expect(allowedEvents(def, null, editor, facts(), NOW)).toEqual([
      { type: 'GO', label: 'Đi', kind: 'submit', requiresComment: true, commentLabel: 'Ghi chú' },
    ]);
  });

  it('with several candidates for one event, the first that passes wins and the first failure is reported', () => {
    const def: FlowDefinition = {
      id: 'late',
      initial: 'a',
      meta: { label: 'Thử' },
      states: {
        a: {
          meta: { label: 'A' },
          on: {
            GO: [
              {
                target: 'ontime',
                guard: { type: 'all', params: { guards: ['formIsValid', 'beforeDeadline'] } },
                meta: { label: 'Nộp' },
              },
              {
                target: 'late',
                guard: {
                  type: 'all',
                  params: {
                    guards: [
                      'formIsValid',
                      { type: 'hasComment', params: { message: 'Nộp muộn cần giải trình' } },
                    ],
                  },
                },
                meta: { label: 'Nộp muộn' },
              },
            ],
          },
        },
        ontime: { type: 'final', meta: { label: 'Đúng hạn' } },
        late: { type: 'final', meta: { label: 'Muộn' } },
      },
    };
    const f = facts({ deadline: '2025-04-01' });
    expect(go(def, editor, f)).toEqual({
      ok: false,
      refusal: {
        code: 'GUARD_FAILED',
        guard: 'beforeDeadline',
        message: 'Đã quá hạn nộp (23:59 ngày 01/04/2025)',
      },
    });
    const r = go(def, editor, f, { type: 'GO', comment: 'Ốm' });
    expect(r.ok && r.to).toBe('late');
    expect(go(def, editor, facts()).ok && 'ontime').toBe('ontime');
  });
});
