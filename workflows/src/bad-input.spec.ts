import { afterEach, describe, expect, it } from 'vitest';
import {
  FlowEngineError,
  lintFlow,
  loadFlow,
  MAX_DEFINITION_BYTES,
  transition,
  type FlowDefinition,
} from './index.js';
import { editor, facts, NOW, readFlowText } from '../test-support/helpers.js';

const truongText = readFlowText('truong.v1.json');
const truong = (): Record<string, any> => JSON.parse(truongText) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

declare global {
  var __pwned: unknown;
}

afterEach(() => {
  expect(globalThis.__pwned).toBeUndefined();
});

function refused(input: unknown, path: string, message: RegExp): void {
  const findings = lintFlow(input);
  const hit = findings.find((f) => f.severity === 'error' && f.path === path);
  expect(hit, JSON.stringify(findings)).toBeDefined();
  expect(hit!.message).toMatch(message);
  const loaded = loadFlow(input);
  expect(loaded.ok).toBe(false);
  // Never executed: the engine refuses the definition before building a machine.
  expect(() => transition(input as FlowDefinition, null, { type: 'SUBMIT' }, editor, facts(), NOW)).toThrow(
    FlowEngineError,
  );
}

describe('hostile or broken definitions are refused with a finding, never executed, never crash', () => {
  it('not JSON', () => {
    refused('{"id": "truong", ', '', /Không đọc được JSON/);
    refused('', '', /Không đọc được JSON/);
  });

  it('not an object', () => {
    for (const v of [null, 42, [], true, undefined])
      expect(lintFlow(v)[0]).toMatchObject({ severity: 'error', path: '' });
  });

  it('huge (> 1 MB), as text and as an object', () => {
    const big = truong();
    big['description'] = 'x'.repeat(MAX_DEFINITION_BYTES);
    refused(JSON.stringify(big), '', /quá lớn/);
    refused(big, '', /quá lớn/);
    // multi-byte characters count as bytes
    big['description'] = 'ệ'.repeat(Math.ceil(MAX_DEFINITION_BYTES / 3) + 10);
    refused(JSON.stringify(big), '', /quá lớn/);
  });

  it('nested deeper than sensible', () => {
    const deepText = `{"id":"x","initial":"a","states":{"a":{"meta":${'{"x":'.repeat(50_000)}1${'}'.repeat(50_000)}}}}`;
    expect(lintFlow(deepText)[0]).toMatchObject({ severity: 'error' });
    expect(lintFlow(deepText)[0]!.message).toMatch(/lồng quá sâu|Không đọc được JSON/);
    let deep: Record<string, unknown> = {};
    const root = truong();
    root['states']['draft']['meta']['x'] = deep;
    for (let i = 0; i < 100_000; i++) {
      const next = {};
      deep['x'] = next;
      deep = next;
    }
    refused(root, `/states/draft/meta${'/x'.repeat(22)}`, /lồng quá sâu/);
  });

  it('__proto__, constructor and prototype keys', () => {
    refused(
      truongText.replace('"draft": {', '"draft": { "__proto__": { "polluted": true },'),
      '/states/draft/__proto__',
      /bị cấm/,
    );
    refused(
      truongText.replace('"id": "truong"', '"id": "truong", "constructor": {"prototype": {}}'),
      '/constructor',
      /bị cấm/,
    );
    const d = truong();
    d['states']['constructor'] = { type: 'final', meta: { label: 'x' } };
    refused(d, '/states/constructor', /bị cấm/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a guard or action with code in it', () => {
    const d1 = truong();
    d1['states']['draft']['on']['SUBMIT']['guard'] = 'globalThis.__pwned = 1';
    refused(d1, '/states/draft/on/SUBMIT/guard', /chứa mã lệnh/);
    const d2 = truong();
    d2['states']['draft']['on']['SUBMIT']['guard']['params']['guards'][0] = {
      type: '() => { globalThis.__pwned = 1; return true }',
    };
    refused(d2, '/states/draft/on/SUBMIT/guard/params/guards/0/type', /chứa mã lệnh/);
    const d3 = truong();
    d3['states']['draft']['on']['SUBMIT']['actions'] = ['eval("globalThis.__pwned=1")'];
    refused(d3, '/states/draft/on/SUBMIT/actions/0', /chứa mã lệnh/);
    const d4 = truong();
    d4['states']['draft']['on']['SUBMIT']['guard']['params']['guards'][0]['params']['role'] =
      'head; globalThis.__pwned = 1';
    refused(d4, '/states/draft/on/SUBMIT/guard/params/guards/0/params/role', /không hợp lệ/);
  });

  it('functions, cycles and other non-JSON values in an object input', () => {
    const f = truong();
    f['states']['draft']['on']['SUBMIT']['guard'] = () => {
      globalThis.__pwned = 1;
      return true;
    };
    refused(f, '/states/draft/on/SUBMIT/guard', /không phải JSON/);
    const c = truong();
    c['states']['draft']['meta']['self'] = c;
    refused(c, '/states/draft/meta/self', /tham chiếu vòng/);
    const n = truong();
    n['states']['draft']['meta']['n'] = Number.NaN;
    refused(n, '/states/draft/meta/n', /Số không hợp lệ/);
    const dt = truong();
    dt['states']['draft']['meta']['at'] = new Date();
    refused(dt, '/states/draft/meta/at', /không phải đối tượng JSON thuần/);
  });

  it('a getter that throws does not crash lint', () => {
    const d = truong();
    Object.defineProperty(d, 'id', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(lintFlow(d)[0]).toMatchObject({ severity: 'error', path: '' });
  });
});
