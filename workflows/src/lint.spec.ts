import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { flowDefinitionSchema, lintFlow, loadFlow, upgradeFlow, type Finding, type FlowDefinition } from './index.js';

const sut = lintFlow;

/** A small clean flow; each fixture below breaks one thing. */
function clean(): FlowDefinition {
  return {
    id: 'mau',
    initial: 'draft',
    meta: { label: 'Quy trình mẫu' },
    states: {
      draft: {
        meta: { label: 'Đang soạn' },
        on: {
          SUBMIT: {
            target: 'review',
            guard: {
              type: 'all',
              params: {
                guards: [{ type: 'hasRole', params: { role: 'editor' } }, 'isOwnUnit', 'formIsValid'],
              },
            },
            actions: [{ type: 'notify', params: { to: ['unitHeads'] } }],
            meta: { label: 'Gửi' },
          },
        },
      },
      review: {
        meta: { label: 'Chờ duyệt' },
        on: {
          ACCEPT: {
            target: 'done',
            guard: 'isParentReviewer',
            actions: 'lockData',
            meta: { label: 'Chấp nhận' },
          },
          RETURN: {
            target: 'draft',
            guard: { type: 'all', params: { guards: ['isParentReviewer', 'hasComment'] } },
            actions: ['unlockData', { type: 'requireComment' }],
            meta: { label: 'Trả lại' },
          },
        },
      },
      done: { type: 'final', meta: { label: 'Xong' } },
    },
  };
}

type Mutator = (d: FlowDefinition & { states: Record<string, any> }) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

function fixture(mutate: Mutator): unknown {
  const d = clean() as FlowDefinition & { states: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = mutate(d);
  return r === undefined ? d : r;
}

const errorsOf = (f: Finding[]) => f.filter((x) => x.severity === 'error').map((x) => x.path);

describe('lintFlow', () => {
  it('finds nothing in a clean flow', () => {
    expect(sut(clean())).toEqual([]);
    expect(sut(JSON.stringify(clean()))).toEqual([]);
  });

  it.each<[string, Mutator, string, RegExp]>([
    [
      'schema: missing states',
      (d) => void delete (d as Partial<FlowDefinition>).states,
      '',
      /Thiếu thuộc tính bắt buộc «states»/,
    ],
    ['schema: wrong type', (d) => void (d.initial = 5 as unknown as string), '/initial', /Phải là một chuỗi/],
    [
      'schema: unknown key in a state',
      (d) => void (d.states.draft.entry = ['lockData']),
      '/states/draft/entry',
      /Không được có thuộc tính «entry»/,
    ],
    [
      'schema: bad event name',
      (d) => void (d.states.draft.on['gửi'] = 'review'),
      '/states/draft/on/gửi',
      /Tên «gửi»/,
    ],
    [
      'schema: nested states are not supported',
      (d) => void (d.states.review.states = {}),
      '/states/review/states',
      /Không được có thuộc tính/,
    ],
    [
      'unknown guard',
      (d) => void (d.states.review.on.ACCEPT.guard = 'isFriend'),
      '/states/review/on/ACCEPT/guard',
      /Điều kiện «isFriend» không có trong bộ từ vựng/,
    ],
    [
      'unknown guard inside all',
      (d) => void (d.states.draft.on.SUBMIT.guard.params.guards[1] = { type: 'isBoss' }),
      '/states/draft/on/SUBMIT/guard/params/guards/1/type',
      /«isBoss» không có/,
    ],
    [
      'bad guard params',
      (d) => void (d.states.draft.on.SUBMIT.guard.params.guards[0].params.role = 'Boss!'),
      '/states/draft/on/SUBMIT/guard/params/guards/0/params/role',
      /Điều kiện «hasRole»: /,
    ],
    [
      'guard params where none are taken',
      (d) => void (d.states.review.on.ACCEPT.guard = { type: 'isParentReviewer', params: { unit: 'x' } }),
      '/states/review/on/ACCEPT/guard/params/unit',
      /Không được có thuộc tính «unit»/,
    ],
    [
      'childrenAccepted with a count below one',
      (d) => void (d.states.draft.on.SUBMIT.guard.params.guards[2] = { type: 'childrenAccepted', params: { count: 0 } }),
      '/states/draft/on/SUBMIT/guard/params/guards/2/params/count',
      /Điều kiện «childrenAccepted»/,
    ],
    [
      'empty all',
      (d) => void (d.states.draft.on.SUBMIT.guard.params.guards = []),
      '/states/draft/on/SUBMIT/guard/params',
      /ít nhất một điều kiện/,
    ],
    [
      'unknown action',
      (d) => void (d.states.review.on.ACCEPT.actions = ['sendSms']),
      '/states/review/on/ACCEPT/actions/0',
      /Hành động «sendSms» không có/,
    ],
    [
      'bad action params',
      (d) => void (d.states.draft.on.SUBMIT.actions[0].params.to = ['everyone']),
      '/states/draft/on/SUBMIT/actions/0/params/to/0',
      /Hành động «notify»/,
    ],
    [
      'missing action params',
      (d) => void delete d.states.draft.on.SUBMIT.actions[0].params,
      '/states/draft/on/SUBMIT/actions/0/params',
      /Thiếu thuộc tính bắt buộc «to»/,
    ],
    [
      'target does not exist',
      (d) => void (d.states.review.on.ACCEPT.target = 'dnoe'),
      '/states/review/on/ACCEPT/target',
      /Trạng thái đích «dnoe» của «Chấp nhận» không tồn tại/,
    ],
    [
      'initial does not exist',
      (d) => void (d.initial = 'start'),
      '/initial',
      /Trạng thái bắt đầu «start» không tồn tại/,
    ],
    [
      'unreachable state',
      (d) =>
        void (d.states.orphan = {
          meta: { label: 'Mồ côi' },
          on: { GO: { target: 'done', meta: { label: 'Đi' } } },
        }),
      '/states/orphan',
      /không thể đến được từ trạng thái bắt đầu/,
    ],
    [
      'non-final state with no way out',
      (d) =>
        void (
          (d.states.review.on.HOLD = { target: 'stuck', meta: { label: 'Tạm dừng' } }),
          (d.states.stuck = { meta: { label: 'Kẹt' } })
        ),
      '/states/stuck',
      /không có lối ra/,
    ],
    [
      'a state that only loops to itself',
      (d) =>
        void (
          (d.states.review.on.HOLD = { target: 'stuck', meta: { label: 'Tạm dừng' } }),
          (d.states.stuck = {
            meta: { label: 'Kẹt' },
            on: { POKE: { target: 'stuck', meta: { label: 'Chọc' } } },
          })
        ),
      '/states/stuck',
      /không có lối ra/,
    ],
    [
      'a trap cycle that never finishes',
      (d) =>
        void (
          (d.states.review.on.HOLD = { target: 'a', meta: { label: 'Sang A' } }),
          (d.states.a = { meta: { label: 'A' }, on: { NEXT: { target: 'b', meta: { label: 'Sang B' } } } }),
          (d.states.b = { meta: { label: 'B' }, on: { BACK: { target: 'a', meta: { label: 'Về A' } } } })
        ),
      '/states/a',
      /không thể đến trạng thái kết thúc nào/,
    ],
    [
      'no final state at all',
      (d) =>
        void (d.states.done = {
          meta: { label: 'Xong' },
          on: { REOPEN: { target: 'draft', meta: { label: 'Mở lại' } } },
        }),
      '/states',
      /không có trạng thái kết thúc nào/,
    ],
    [
      'no final state reachable',
      (d) =>
        void (
          (d.states.review.on.ACCEPT.target = 'draft'),
          (d.states.lost = { type: 'final', meta: { label: 'Lạc' } })
        ),
      '/initial',
      /không thể đến trạng thái kết thúc nào/,
    ],
    [
      'event that can never fire: shadowed by an unguarded transition',
      (d) =>
        void (d.states.review.on.ACCEPT = [
          { target: 'done', meta: { label: 'Chấp nhận' } },
          { target: 'draft', guard: 'formIsValid', meta: { label: 'Chấp nhận (2)' } },
        ]),
      '/states/review/on/ACCEPT/1',
      /không bao giờ xảy ra/,
    ],
    [
      'event that can never fire: on a final state',
      (d) => void (d.states.done.on = { REOPEN: { target: 'draft', meta: { label: 'Mở lại' } } }),
      '/states/done/on/REOPEN',
      /không bao giờ xảy ra/,
    ],
    [
      'event that can never fire: contradictory guards',
      (d) =>
        void (d.states.review.on.ACCEPT.guard = {
          type: 'all',
          params: { guards: ['isOwnUnit', 'isParentReviewer'] },
        }),
      '/states/review/on/ACCEPT/guard',
      /không bao giờ xảy ra/,
    ],
    [
      'missing state label',
      (d) => void delete d.states.review.meta,
      '/states/review/meta/label',
      /chưa có nhãn tiếng Việt/,
    ],
    [
      'empty state label',
      (d) => void (d.states.review.meta.label = ''),
      '/states/review/meta/label',
      /Không được để trống/,
    ],
    [
      'missing event label',
      (d) => void delete d.states.draft.on.SUBMIT.meta,
      '/states/draft/on/SUBMIT/meta/label',
      /chưa có nhãn nút tiếng Việt/,
    ],
    [
      'event given as a bare target has no label',
      (d) => void (d.states.draft.on.SUBMIT = 'review'),
      '/states/draft/on/SUBMIT/meta/label',
      /chưa có nhãn nút/,
    ],
  ])('%s', (_name, mutate, path, message) => {
    const findings = sut(fixture(mutate));
    const hit = findings.find((f) => f.path === path && f.severity === 'error');
    expect(hit, JSON.stringify(findings, null, 1)).toBeDefined();
    expect(hit!.message).toMatch(message);
    expect(loadFlow(fixture(mutate)).ok).toBe(false);
  });

  it('warns (does not refuse) about a missing flow label and duplicate button labels', () => {
    const f = sut(fixture((d) => void (delete d.meta, (d.states.review.on.RETURN.meta.label = 'Chấp nhận'))));
    expect(f.map((x) => [x.severity, x.path])).toEqual([
      ['warning', '/meta/label'],
      ['warning', '/states/review/on/RETURN/meta/label'],
    ]);
    expect(loadFlow(fixture((d) => void delete d.meta))).toMatchObject({
      ok: true,
      warnings: [{ path: '/meta/label' }],
    });
  });

  it('loadFlow returns a frozen copy detached from the input', () => {
    const input = clean();
    const r = loadFlow(input);
    if (!r.ok) throw new Error('not loaded');
    // A format-1 input comes back upgraded (status tags inferred), the input untouched.
    expect(r.definition).toEqual(upgradeFlow(input as never));
    expect(r.definition).not.toBe(input);
    expect(JSON.stringify(input)).not.toContain('"tags"');
    expect(Object.isFrozen(r.definition.states)).toBe(true);
  });

  describe('the exported JSON Schema agrees with lint', () => {
    const validate = new Ajv({ allErrors: true }).compile(flowDefinitionSchema);
    it.each<[string, Mutator]>([
      ['missing states', (d) => void delete (d as Partial<FlowDefinition>).states],
      ['entry action', (d) => void (d.states.draft.entry = ['lockData'])],
      ['lower-case event', (d) => void (d.states.draft.on.submit = 'review')],
      ['transition without target', (d) => void delete d.states.draft.on.SUBMIT.target],
      ['guard with code', (d) => void (d.states.draft.on.SUBMIT.guard = '() => true')],
      ['state type parallel', (d) => void (d.states.draft.type = 'parallel')],
    ])('both refuse: %s', (_name, mutate) => {
      const def = fixture(mutate);
      expect(validate(def)).toBe(false);
      expect(errorsOf(sut(def)).length).toBeGreaterThan(0);
    });
    it('both accept the clean flow', () => {
      expect(validate(clean())).toBe(true);
    });
  });
});
