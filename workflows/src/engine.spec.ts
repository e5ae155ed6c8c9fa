import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  FlowEngineError,
  initialSnapshot,
  isFinalState,
  stateLabel,
  stateValue,
  transition,
  type Actor,
  type FlowDefinition,
  type FlowEvent,
  type PersistedFlowSnapshot,
  type SubmissionFacts,
} from './index.js';
import {
  actor,
  editor,
  facts,
  head,
  NOW,
  ownReviewer,
  PARENT,
  parentReviewer,
  shippedFlow,
} from '../test-support/helpers.js';

const truong = shippedFlow('truong');
const sut = transition;

function run(def: FlowDefinition, steps: [FlowEvent, Actor, SubmissionFacts?][]): PersistedFlowSnapshot {
  let snap: PersistedFlowSnapshot | null = null;
  for (const [event, who, f] of steps) {
    const r = sut(def, snap, event, who, f ?? facts(), NOW);
    if (!r.ok) throw new Error(r.refusal.message);
    snap = r.snapshot;
  }
  return snap!;
}

const at = (state: string, def: FlowDefinition = truong): PersistedFlowSnapshot => ({
  status: 'active',
  value: state,
  historyValue: {},
  context: { flowId: def.id },
  children: {},
});

describe('transition', () => {
  it('starts from the initial state when there is no snapshot, and returns snapshot, effects and log entry', () => {
    const r = sut(truong, null, { type: 'SUBMIT' }, editor, facts(), NOW);
    expect(r).toEqual({
      ok: true,
      from: 'draft',
      to: 'pending_signature',
      snapshot: {
        status: 'active',
        value: 'pending_signature',
        historyValue: {},
        context: { flowId: 'truong' },
        children: {},
      },
      effects: [{ type: 'lockData' }, { type: 'notify', params: { to: ['unitHeads'] } }],
      logEntry: {
        event: 'SUBMIT',
        from: 'draft',
        to: 'pending_signature',
        actor: editor,
        effects: [{ type: 'lockData' }, { type: 'notify', params: { to: ['unitHeads'] } }],
        at: NOW.toISOString(),
      },
    });
  });

  it('the initial snapshot is plain JSON naming the initial state', () => {
    const snap = initialSnapshot(truong);
    expect(snap).toEqual({
      status: 'active',
      value: 'draft',
      historyValue: {},
      context: { flowId: 'truong' },
      children: {},
    });
    expect(stateValue(truong, snap)).toBe('draft');
    expect(isFinalState(truong, snap)).toBe(false);
    expect(stateLabel(truong, 'pending_signature')).toBe('Chờ ký');
    expect(stateLabel(truong, 'nope')).toBe('nope');
  });

  it('names the level above from the tree, never from the flow', () => {
    // a school under a commune (from 7/2025) and one under a Phòng use the same flow
    expect(stateLabel(truong, 'submitted', { parentUnitName: 'UBND xã Tân Lạc' })).toBe('Đã gửi, chờ UBND xã Tân Lạc duyệt');
    expect(stateLabel(truong, 'submitted', { parentUnitName: 'Phòng GD&ĐT Khoái Châu' })).toBe('Đã gửi, chờ Phòng GD&ĐT Khoái Châu duyệt');
    expect(stateLabel(truong, 'submitted')).toBe('Đã gửi, chờ cấp trên duyệt');
    expect(stateLabel(truong, 'submitted', { parentUnitName: '  ' })).toBe('Đã gửi, chờ cấp trên duyệt');
  });

  describe('effects of the shipped flows (a contract with the backend)', () => {
    it.each([
      ['truong', 'draft', 'SUBMIT', 'pending_signature', editor, undefined, ['lockData', 'notify']],
      ['truong', 'pending_signature', 'SIGN', 'submitted', head, undefined, ['lockData', 'sign']],
      ['truong', 'pending_signature', 'REJECT', 'draft', head, 'Sai số liệu', ['unlockData', 'notify']],
      ['truong', 'submitted', 'ACCEPT', 'accepted', parentReviewer, undefined, ['notify']],
      [
        'truong',
        'submitted',
        'RETURN',
        'returned',
        parentReviewer,
        'Thiếu minh chứng',
        ['unlockData', 'notify'],
      ],
      ['truong', 'returned', 'SUBMIT', 'pending_signature', editor, undefined, ['lockData', 'notify']],
      ['phong', 'collecting', 'COMPILE', 'draft', ownReviewer, undefined, ['compileChildren']],
      ['phong', 'draft', 'COMPILE', 'draft', ownReviewer, undefined, ['compileChildren']],
      ['phong', 'submitted', 'ACCEPT', 'accepted', parentReviewer, undefined, ['notify']],
      ['so', 'collecting', 'COMPILE', 'draft', ownReviewer, undefined, ['compileChildren']],
      ['so', 'draft', 'SUBMIT', 'pending_signature', editor, undefined, ['lockData', 'notify']],
      ['so', 'pending_signature', 'SIGN', 'published', head, undefined, ['lockData', 'sign']],
      ['so', 'pending_signature', 'REJECT', 'draft', head, 'Sai', ['unlockData', 'notify']],
      ['truong-truc-tiep', 'submitted', 'ACCEPT', 'accepted', parentReviewer, undefined, ['notify']],
    ] as const)('%s: %s -%s-> %s', (id, from, type, to, who, comment, effects) => {
      const def = shippedFlow(id);
      const r = sut(
        def,
        at(from, def),
        { type, ...(comment ? { comment } : {}) },
        who,
        facts({ parentUnitId: id === 'so' ? null : PARENT }),
        NOW,
      );
      if (!r.ok) throw new Error(r.refusal.message);
      expect(r.to).toBe(to);
      expect(r.effects.map((e) => e.type)).toEqual(effects);
      if (comment) expect(r.logEntry.comment).toBe(comment);
    });

    it('compileChildren carries which child states to compile', () => {
      const r = sut(shippedFlow('phong'), null, { type: 'COMPILE' }, ownReviewer, facts(), NOW);
      expect(r.ok && r.effects).toEqual([{ type: 'compileChildren', params: { childTags: ['done'] } }]);
    });

    it('reaches the final state and marks it so', () => {
      const snap = run(truong, [
        [{ type: 'SUBMIT' }, editor],
        [{ type: 'SIGN' }, head],
        [{ type: 'ACCEPT' }, parentReviewer],
      ]);
      expect(snap).toMatchObject({ status: 'done', value: 'accepted' });
      expect(isFinalState(truong, snap)).toBe(true);
    });
  });

  describe('refusals', () => {
    it('EVENT_NOT_ALLOWED: an event the current state does not take, worded with both labels', () => {
      expect(sut(truong, null, { type: 'SIGN' }, head, facts(), NOW)).toEqual({
        ok: false,
        refusal: {
          code: 'EVENT_NOT_ALLOWED',
          message: 'Không thể «Ký duyệt» khi hồ sơ đang ở trạng thái «Đang soạn»',
        },
      });
    });

    it('EVENT_NOT_ALLOWED: unknown and hostile event names', () => {
      for (const type of ['NOPE', '__proto__', 'constructor', 'xstate.init', '']) {
        const r = sut(truong, null, { type }, editor, facts(), NOW);
        expect(r.ok ? null : r.refusal.code).toBe('EVENT_NOT_ALLOWED');
      }
    });

    it('EVENT_NOT_ALLOWED: nothing happens in a final state', () => {
      const r = sut(truong, at('accepted'), { type: 'RETURN', comment: 'x' }, parentReviewer, facts(), NOW);
      expect(r).toEqual({
        ok: false,
        refusal: {
          code: 'EVENT_NOT_ALLOWED',
          message: 'Hồ sơ đã ở trạng thái kết thúc «Đã được chấp nhận», không thể «Trả lại»',
        },
      });
    });

    it.each([
      [
        'SIGN by an editor',
        'pending_signature',
        { type: 'SIGN' },
        editor,
        facts(),
        'hasRole',
        'Bạn cần vai trò «Thủ trưởng đơn vị» để thực hiện thao tác này',
      ],
      [
        'SIGN by the head of another unit',
        'pending_signature',
        { type: 'SIGN' },
        actor(['head'], 'other'),
        facts(),
        'isOwnUnit',
        'Chỉ người thuộc đơn vị lập báo cáo mới được thực hiện thao tác này',
      ],
      [
        'ACCEPT by the own unit reviewer',
        'submitted',
        { type: 'ACCEPT' },
        ownReviewer,
        facts(),
        'isParentReviewer',
        'Chỉ người duyệt của đơn vị cấp trên mới được thực hiện thao tác này',
      ],
      [
        'ACCEPT by a parent-unit editor',
        'submitted',
        { type: 'ACCEPT' },
        actor(['editor'], PARENT),
        facts(),
        'isParentReviewer',
        'Chỉ người duyệt của đơn vị cấp trên mới được thực hiện thao tác này',
      ],
      [
        'SUBMIT by a stranger with an invalid form (role before data)',
        'draft',
        { type: 'SUBMIT' },
        actor(['editor'], 'x'),
        facts({ formErrorCount: 3 }),
        'isOwnUnit',
        'Chỉ người thuộc đơn vị lập báo cáo mới được thực hiện thao tác này',
      ],
    ] as const)('ROLE_MISSING: %s', (_name, state, event, who, f, guard, message) => {
      expect(sut(truong, at(state), event, who, f, NOW)).toEqual({
        ok: false,
        refusal: { code: 'ROLE_MISSING', guard, message },
      });
    });

    it.each([
      ['SUBMIT with 3 form errors', 'draft', { type: 'SUBMIT' }, editor, 'formIsValid', 'Biểu mẫu còn 3 lỗi'],
      [
        'RETURN without a comment',
        'submitted',
        { type: 'RETURN' },
        parentReviewer,
        'hasComment',
        'Cần nhập lý do trả lại',
      ],
      [
        'RETURN with a blank comment',
        'submitted',
        { type: 'RETURN', comment: '   ' },
        parentReviewer,
        'hasComment',
        'Cần nhập lý do trả lại',
      ],
      [
        'RETURN with a comment made only of invisible characters',
        'submitted',
        { type: 'RETURN', comment: '\u200B\u00A0\u202E\uFEFF\u3164' },
        parentReviewer,
        'hasComment',
        'Cần nhập lý do trả lại',
      ],
      [
        'REJECT without a comment',
        'pending_signature',
        { type: 'REJECT' },
        head,
        'hasComment',
        'Cần nhập lý do trả lại',
      ],
    ] as const)('GUARD_FAILED: %s', (_name, state, event, who, guard, message) => {
      expect(sut(truong, at(state), event, who, facts({ formErrorCount: 3 }), NOW)).toEqual({
        ok: false,
        refusal: { code: 'GUARD_FAILED', guard, message },
      });
    });
  });

  describe('persisted snapshots', () => {
    it('a snapshot stringified, parsed and restored continues identically', () => {
      const script: [FlowEvent, Actor][] = [
        [{ type: 'SUBMIT' }, editor],
        [{ type: 'REJECT', comment: 'Sai' }, head],
        [{ type: 'SUBMIT' }, editor],
        [{ type: 'SIGN' }, head],
        [{ type: 'RETURN', comment: 'Thiếu' }, parentReviewer],
        [{ type: 'SUBMIT' }, editor],
        [{ type: 'SIGN' }, head],
        [{ type: 'ACCEPT' }, parentReviewer],
      ];
      let live: PersistedFlowSnapshot | null = null;
      let stored: string | null = null;
      for (const [event, who] of script) {
        const a = sut(truong, live, event, who, facts(), NOW);
        const b = sut(
          truong,
          stored === null ? null : (JSON.parse(stored) as PersistedFlowSnapshot),
          event,
          who,
          facts(),
          NOW,
        );
        expect(b).toEqual(a);
        if (!a.ok || !b.ok) throw new Error('refused');
        live = a.snapshot;
        stored = JSON.stringify(b.snapshot);
        expect(JSON.parse(stored)).toEqual(a.snapshot);
        expect(allowedEvents(truong, JSON.parse(stored), head, facts(), NOW)).toEqual(
          allowedEvents(truong, live, head, facts(), NOW),
        );
      }
      expect(stateValue(truong, JSON.parse(stored!))).toBe('accepted');
    });

    it('a definition reloaded from JSON (a new object) gives the same results', () => {
      const copy = JSON.parse(JSON.stringify(truong)) as FlowDefinition;
      expect(sut(copy, null, { type: 'SUBMIT' }, editor, facts(), NOW)).toEqual(
        sut(truong, null, { type: 'SUBMIT' }, editor, facts(), NOW),
      );
    });

    it.each([
      [
        'a state the flow does not have',
        { status: 'active', value: 'nowhere', context: { flowId: 'truong' } },
      ],
      ['a snapshot of another flow', { status: 'active', value: 'draft', context: { flowId: 'so' } }],
      ['not an object', 'draft'],
      ['a bad status', { status: 'weird', value: 'draft' }],
    ])('refuses to restore %s (FlowEngineError INVALID_SNAPSHOT)', (_name, snap) => {
      expect(() => sut(truong, snap, { type: 'SUBMIT' }, editor, facts(), NOW)).toThrow(FlowEngineError);
      try {
        stateValue(truong, snap);
      } catch (e) {
        expect((e as FlowEngineError).code).toBe('INVALID_SNAPSHOT');
      }
    });
  });

  it('refuses to run a definition with lint errors (FlowEngineError INVALID_DEFINITION)', () => {
    const bad = { ...truong, initial: 'nowhere' };
    expect(() => sut(bad, null, { type: 'SUBMIT' }, editor, facts(), NOW)).toThrow(/Quy trình không hợp lệ/);
    try {
      initialSnapshot(bad);
    } catch (e) {
      expect(e).toBeInstanceOf(FlowEngineError);
      expect((e as FlowEngineError).code).toBe('INVALID_DEFINITION');
      expect((e as FlowEngineError).findings[0]).toMatchObject({ path: '/initial' });
    }
  });
});

describe('allowedEvents', () => {
  it('gives each actor its buttons, with labels and comment requirement', () => {
    expect(allowedEvents(truong, null, editor, facts(), NOW)).toEqual([
      { type: 'SUBMIT', label: 'Gửi ký', kind: 'submit', requiresComment: false },
    ]);
    expect(allowedEvents(truong, null, head, facts(), NOW)).toEqual([]);
    expect(allowedEvents(truong, at('pending_signature'), head, facts(), NOW)).toEqual([
      { type: 'SIGN', label: 'Ký duyệt', kind: 'sign', requiresComment: false },
      { type: 'REJECT', label: 'Trả lại', kind: 'reject', requiresComment: true, commentLabel: 'Lý do trả lại' },
    ]);
    expect(allowedEvents(truong, at('submitted'), parentReviewer, facts(), NOW).map((e) => e.type)).toEqual([
      'ACCEPT',
      'RETURN',
    ]);
    expect(allowedEvents(truong, at('returned'), editor, facts(), NOW)).toEqual([
      { type: 'SUBMIT', label: 'Gửi ký lại', kind: 'submit', requiresComment: false },
    ]);
    expect(allowedEvents(truong, at('accepted'), parentReviewer, facts(), NOW)).toEqual([]);
  });

  it('hides a button whose data guard fails (invalid form)', () => {
    expect(allowedEvents(truong, null, editor, facts({ formErrorCount: 1 }), NOW)).toEqual([]);
  });
});
