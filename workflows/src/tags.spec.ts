import { describe, expect, it } from 'vitest';
import {
  actorsNow,
  kindsFor,
  allowedEvents,
  collectsChildren,
  eventKind,
  eventNeedsComment,
  eventOutcome,
  eventsOfKind,
  flowFormat,
  isDone,
  isDoneState,
  isLate,
  lintFlow,
  locksData,
  eventLocksData,
  ownUnitRolesNow,
  stateStatus,
  stateTags,
  upgradeFlow,
  type FlowDefinition,
} from './index.js';
import { flowFiles, readFlowText } from '../test-support/helpers.js';

const shipped = Object.fromEntries(flowFiles().map((f) => [f.replace('.v1.json', ''), JSON.parse(readFlowText(f)) as FlowDefinition]));
const truong = shipped['truong']!;
const so = shipped['so']!;

/** A province's flow: renamed states and events, a deputy principal's approval step. */
export const renamedFlow: FlowDefinition = {
  id: 'truong-pht',
  initial: 'soan_thao',
  meta: { label: 'Trường có phó hiệu trưởng duyệt', format: 3 },
  states: {
    soan_thao: {
      meta: { label: 'Đang soạn thảo' },
      tags: ['editing'],
      on: { GUI_DUYET: { target: 'cho_pht', guard: { type: 'all', params: { guards: [{ type: 'hasRole', params: { role: 'editor' } }, 'isOwnUnit', 'formIsValid'] } }, meta: { label: 'Gửi phó hiệu trưởng' } } },
    },
    cho_pht: {
      meta: { label: 'Chờ phó hiệu trưởng duyệt' },
      tags: ['awaitingApproval'],
      on: {
        PHT_DUYET: { target: 'cho_ky', guard: { type: 'all', params: { guards: [{ type: 'hasRole', params: { role: 'pho_hieu_truong' } }, 'isOwnUnit'] } }, meta: { label: 'Phó hiệu trưởng duyệt' } },
        PHT_TRA: { target: 'soan_thao', guard: { type: 'all', params: { guards: [{ type: 'hasRole', params: { role: 'pho_hieu_truong' } }, 'isOwnUnit', 'hasComment'] } }, actions: ['unlockData'], meta: { label: 'Phó hiệu trưởng trả lại' } },
      },
    },
    cho_ky: {
      meta: { label: 'Chờ hiệu trưởng ký' },
      tags: ['awaitingSignature'],
      on: { KY: { target: 'da_gui', guard: { type: 'all', params: { guards: [{ type: 'hasRole', params: { role: 'head' } }, 'isOwnUnit'] } }, actions: ['lockData', 'sign'], meta: { label: 'Ký gửi' } } },
    },
    da_gui: {
      meta: { label: 'Đã gửi lên Phòng' },
      tags: ['submitted'],
      on: {
        DUYET: { target: 'da_duyet', guard: 'isParentReviewer', meta: { label: 'Duyệt' } },
        TRA_VE: { target: 'bi_tra', guard: { type: 'all', params: { guards: ['isParentReviewer', 'hasComment'] } }, actions: ['unlockData'], meta: { label: 'Trả về' } },
      },
    },
    bi_tra: {
      meta: { label: 'Bị Phòng trả về' },
      tags: ['returned'],
      on: { GUI_DUYET: { target: 'cho_pht', guard: { type: 'all', params: { guards: [{ type: 'hasRole', params: { role: 'editor' } }, 'isOwnUnit', 'formIsValid'] } }, meta: { label: 'Gửi lại' } } },
    },
    da_duyet: { type: 'final', meta: { label: 'Đã duyệt' }, tags: ['done'] },
  },
};

describe('state meaning from tags', () => {
  it('answers the questions of the shipped flows by their tags', () => {
    expect(stateStatus(truong, truong.initial)).toBe('editing');
    expect(isDoneState(truong, 'accepted')).toBe(true);
    expect(isDoneState(so, 'published')).toBe(true);
    expect(locksData(truong, 'pending_signature')).toBe(true);
    expect(locksData(truong, 'returned')).toBe(false);
    // The step that locks editable data is asked before (by its target's tags, whatever its name).
    expect(eventLocksData(truong, 'draft', 'SUBMIT')).toBe(true);
    expect(eventLocksData(truong, 'returned', 'SUBMIT')).toBe(true);
    expect(eventLocksData(truong, 'pending_signature', 'SIGN')).toBe(false);
    expect(eventLocksData(renamedFlow, renamedFlow.initial, 'NOT_AN_EVENT')).toBe(false);
    expect(eventKind(truong, 'pending_signature', 'SIGN')).toBe('sign');
    expect(eventKind(truong, 'pending_signature', 'REJECT')).toBe('reject');
    expect(eventKind(truong, 'submitted', 'ACCEPT')).toBe('accept');
    expect(eventKind(truong, 'submitted', 'RETURN')).toBe('return');
    expect(eventKind(truong, 'draft', 'SUBMIT')).toBe('submit');
    expect(eventsOfKind(shipped['phong']!, 'compile')).toEqual(['COMPILE']);
    expect(collectsChildren(so)).toBe(true);
    expect(collectsChildren(truong)).toBe(false);
    expect(eventNeedsComment(truong, 'submitted', 'RETURN')).toBe(true);
    expect(eventNeedsComment(truong, 'submitted', 'ACCEPT')).toBe(false);
    expect(ownUnitRolesNow(truong, 'pending_signature')).toEqual(['head']);
    expect(ownUnitRolesNow(truong, 'submitted')).toEqual([]);
  });

  it('answers the same for a flow with renamed states and an extra step', () => {
    expect(lintFlow(renamedFlow).filter((f) => f.severity === 'error')).toEqual([]);
    expect(isDoneState(renamedFlow, 'da_duyet')).toBe(true);
    expect(eventKind(renamedFlow, 'cho_pht', 'PHT_DUYET')).toBe('approve');
    expect(eventKind(renamedFlow, 'cho_pht', 'PHT_TRA')).toBe('reject');
    expect(eventKind(renamedFlow, 'da_gui', 'TRA_VE')).toBe('return');
    expect(eventKind(renamedFlow, 'da_gui', 'DUYET')).toBe('accept');
    expect(eventKind(renamedFlow, 'cho_ky', 'KY')).toBe('sign');
    expect(locksData(renamedFlow, 'cho_pht')).toBe(true);
    expect(ownUnitRolesNow(renamedFlow, 'cho_pht')).toEqual(['pho_hieu_truong']);
    expect(actorsNow(renamedFlow, 'da_gui').map((a) => [a.event, a.scope, a.roles])).toEqual([
      ['DUYET', 'parent', ['reviewer']],
      ['TRA_VE', 'parent', ['reviewer']],
    ]);
    // a work list's candidates: by role and place, never by the state's name
    expect(kindsFor(renamedFlow, 'da_gui', ['reviewer'], 'child').sort()).toEqual(['accept', 'return']);
    expect(kindsFor(renamedFlow, 'da_gui', ['reviewer'], 'own')).toEqual([]);
    expect(kindsFor(renamedFlow, 'da_gui', ['editor'], 'child')).toEqual([]);
    expect(kindsFor(renamedFlow, 'cho_pht', ['pho_hieu_truong'], 'own').sort()).toEqual(['approve', 'reject']);
    expect(kindsFor(renamedFlow, 'cho_pht', ['pho_hieu_truong'], 'child')).toEqual([]);
    const [ev] = allowedEvents(renamedFlow, { status: 'active', value: 'cho_pht', historyValue: {}, context: { flowId: 'truong-pht' }, children: {} },
      { userId: 'u', unitId: 's', roles: ['pho_hieu_truong'] }, { unitId: 's', parentUnitId: 'p', formErrorCount: 0, childrenTotal: 0, childrenAccepted: 0, deadline: null }, new Date());
    expect(ev).toMatchObject({ type: 'PHT_DUYET', kind: 'approve' });
  });
});

describe(upgradeFlow.name, () => {
  const v1 = JSON.parse(JSON.stringify(shipped['phong'])) as FlowDefinition;
  delete v1.meta!.format;
  for (const s of Object.values(v1.states) as Record<string, unknown>[]) delete s['tags'];
  (v1.states['collecting'] as { on: { COMPILE: { actions: { params: unknown }[] } } }).on.COMPILE.actions[0]!.params = { childStates: ['accepted'] };

  it('infers the status of every format-1 state from its actions and guards, without touching the input', () => {
    const sut = upgradeFlow(v1);
    expect(flowFormat(sut)).toBe(3);
    expect(Object.fromEntries(Object.keys(sut.states).map((s) => [s, stateTags(sut, s)]))).toEqual(
      Object.fromEntries(Object.keys(shipped['phong']!.states).map((s) => [s, stateTags(shipped['phong']!, s)])),
    );
    expect(JSON.stringify(sut.states['collecting'])).toContain('"childTags":["done"]');
    expect(flowFormat(v1)).toBe(1);
    expect(upgradeFlow(sut)).toBe(sut);
    // The questions work on a stored format-1 definition as is.
    expect(isDoneState(v1, 'accepted')).toBe(true);
  });

  it('format 3: a stored label naming a fixed level above names the parent through the placeholder', () => {
    const v2 = JSON.parse(JSON.stringify(shipped['truong'])) as FlowDefinition;
    v2.meta!.format = 2;
    const labelled = Object.values(v2.states).find((s) => String((s as { meta?: { label?: string } }).meta?.label).includes('{parentUnitName}')) as { meta: { label: string } };
    labelled.meta.label = 'Đã gửi, chờ Phòng GD&ĐT duyệt';
    const sut = upgradeFlow(v2);
    expect(flowFormat(sut)).toBe(3);
    expect(JSON.stringify(sut)).toContain('"label":"Đã gửi, chờ {parentUnitName} duyệt"');
    expect(JSON.stringify(sut)).not.toContain('chờ Phòng GD&ĐT duyệt');
    expect(labelled.meta.label).toBe('Đã gửi, chờ Phòng GD&ĐT duyệt');
  });
});

describe('lint of tags and roles', () => {
  const withTags = (patch: (d: FlowDefinition) => void) => {
    const d = JSON.parse(JSON.stringify(renamedFlow)) as FlowDefinition;
    patch(d);
    return lintFlow(d);
  };
  it.each([
    ['no status tag', (d: FlowDefinition) => ((d.states['cho_ky'] as { tags: string[] }).tags = ['locked']), 'chưa có nhãn ý nghĩa'],
    ['two status tags', (d: FlowDefinition) => ((d.states['cho_ky'] as { tags: string[] }).tags = ['editing', 'submitted']), 'chỉ được một'],
    ['no done final', (d: FlowDefinition) => ((d.states['da_duyet'] as { tags: string[] }).tags = ['submitted']), 'mang nhãn done'],
  ])('refuses %s', (_n, patch, message) => {
    expect(withTags(patch).filter((f) => f.severity === 'error').map((f) => f.message).join(' ')).toContain(message);
  });

  it('warns when a step needs a role the province lacks, or that nobody holds', () => {
    const unknown = lintFlow(renamedFlow, { roles: [] });
    expect(unknown).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('«pho_hieu_truong» chưa được định nghĩa') }));
    const nobody = lintFlow(renamedFlow, { roles: [{ code: 'pho_hieu_truong', label: 'Phó hiệu trưởng', holders: 0 }] });
    expect(nobody).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('Chưa có người dùng nào giữ vai trò «Phó hiệu trưởng»') }));
    expect(lintFlow(renamedFlow, { roles: [{ code: 'pho_hieu_truong', label: 'Phó hiệu trưởng', holders: 2 }] }).filter((f) => f.message.includes('vai trò'))).toEqual([]);
  });
});

describe('eventOutcome', () => {
  it.each([
    ['so', 'pending_signature', 'SIGN', { signs: true, reachesFinal: true }],
    ['truong', 'pending_signature', 'SIGN', { signs: true, reachesFinal: false }],
    ['truong', 'submitted', 'ACCEPT', { signs: false, reachesFinal: true }],
    ['truong', 'draft', 'SUBMIT', { signs: false, reachesFinal: false }],
    ['truong', 'draft', 'NO_SUCH_EVENT', { signs: false, reachesFinal: false }],
  ])('%s: %s --%s--> %o', (flow, state, event, expected) => {
    expect(eventOutcome(shipped[flow]!, state, event)).toEqual(expected);
  });
});

describe('isDone and isLate', () => {
  const now = new Date('2026-11-28T00:00:00Z');
  it.each([
    [{ stateTags: ['done'], final: false }, true],
    [{ stateTags: ['submitted'], final: true }, true],
    [{ stateTags: ['submitted'], final: false }, false],
    [{ stateTags: null, final: false }, false],
  ])('isDone(%j) is %s', (s, want) => expect(isDone(s)).toBe(want));
  it.each([
    [{ deadline: '2026-11-27T00:00:00Z', stateTags: ['editing'], final: false }, true],
    [{ deadline: '2026-11-29T00:00:00Z', stateTags: ['editing'], final: false }, false],
    [{ deadline: '2026-11-27T00:00:00Z', stateTags: ['awaitingSignature', 'locked'], final: false }, true],
    [{ deadline: '2026-11-27T00:00:00Z', stateTags: ['submitted'], final: false }, false],
    [{ deadline: '2026-11-27T00:00:00Z', stateTags: ['editing'], final: true }, false],
    [{ deadline: null, stateTags: ['editing'], final: false }, false],
  ])('isLate(%j) is %s', (s, want) => expect(isLate(s, now)).toBe(want));
});
