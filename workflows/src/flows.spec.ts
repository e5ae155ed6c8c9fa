import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import {
  allowedEvents,
  flowDefinitionSchema,
  initialSnapshot,
  isFinalState,
  lintFlow,
  loadFlow,
  simulate,
  stateValue,
  transition,
  type FlowDefinition,
  type PersistedFlowSnapshot,
} from './index.js';
import { actor, facts, flowFiles, NOW, PARENT, readFlowText, satisfying } from '../test-support/helpers.js';

const files = flowFiles();

describe('shipped flows (workflows/flows)', () => {
  it('ships exactly the four flows', () => {
    expect(files).toEqual(['phong.v1.json', 'so.v1.json', 'truong-truc-tiep.v1.json', 'truong.v1.json']);
  });

  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(flowDefinitionSchema);

  describe.each(files)('%s', (file) => {
    const text = readFlowText(file);
    const def = JSON.parse(text) as FlowDefinition;

    it('is valid against the definition JSON Schema (ajv) and lint-clean', () => {
      expect(validate(def), JSON.stringify(validate.errors)).toBe(true);
      expect(lintFlow(def)).toEqual([]);
      expect(lintFlow(text)).toEqual([]);
      const loaded = loadFlow(text);
      expect(loaded.ok).toBe(true);
    });

    it('round-trips unchanged (parse, load, stringify: same data, same key order)', () => {
      const canonical = JSON.stringify(def);
      expect(JSON.stringify(JSON.parse(canonical))).toBe(canonical);
      const loaded = loadFlow(text);
      if (!loaded.ok) throw new Error('not loaded');
      expect(JSON.stringify(loaded.definition)).toBe(canonical);
      const again = loadFlow(JSON.stringify(loaded.definition, null, 2));
      expect(again.ok && JSON.stringify(again.definition)).toBe(canonical);
    });

    it('has an id matching its file name', () => {
      expect(`${def.id}.v1.json`).toBe(file);
    });

    it('every simulated path replays through the engine to its final state', () => {
      const paths = simulate(def);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        let snap: PersistedFlowSnapshot = initialSnapshot(def);
        for (const step of path.steps) {
          expect(stateValue(def, snap)).toBe(step.from);
          const { actor: who, facts: f, comment } = satisfying(step);
          const r = transition(def, snap, { type: step.event, ...(comment ? { comment } : {}) }, who, f, NOW);
          if (!r.ok)
            throw new Error(`${path.target}: ${step.from} -${step.event}-> refused: ${r.refusal.message}`);
          expect(r.to).toBe(step.to);
          expect(r.effects.map((e) => e.type)).toEqual(step.actions);
          snap = JSON.parse(JSON.stringify(r.snapshot)) as PersistedFlowSnapshot;
        }
        expect(stateValue(def, snap)).toBe(path.target);
        expect(isFinalState(def, snap)).toBe(true);
      }
    });

    it('allowedEvents agrees with transition in every state, for every kind of actor', () => {
      const states = Object.keys(def.states);
      const eventTypes = [
        ...new Set(states.flatMap((s) => Object.keys((def.states[s] as { on?: object }).on ?? {}))),
      ];
      const actors = [
        actor(['editor']),
        actor(['head']),
        actor(['reviewer']),
        actor(['admin']),
        actor(['editor', 'head', 'reviewer', 'admin']),
        actor(['reviewer'], PARENT),
        actor(['head', 'editor'], 'other-unit'),
      ];
      const factSets = [facts(), facts({ formErrorCount: 2 }), facts({ parentUnitId: null })];
      for (const state of states) {
        const snap = {
          status: 'active',
          value: state,
          historyValue: {},
          context: { flowId: def.id },
          children: {},
        };
        for (const who of actors)
          for (const f of factSets) {
            const allowed = allowedEvents(def, snap, who, f, NOW);
            for (const type of eventTypes) {
              const a = allowed.find((x) => x.type === type);
              const withComment = transition(def, snap, { type, comment: 'Lý do' }, who, f, NOW);
              expect(withComment.ok, `${state} ${type} ${who.roles.join('+')}@${who.unitId}`).toBe(
                a !== undefined,
              );
              if (a) {
                expect(a.label).not.toBe('');
                const bare = transition(def, snap, { type }, who, f, NOW);
                expect(bare.ok).toBe(!a.requiresComment);
                if (!bare.ok)
                  expect(bare.refusal).toMatchObject({
                    code: 'GUARD_FAILED',
                    message: 'Cần nhập lý do trả lại',
                  });
              }
            }
          }
      }
    });
  });

  it('simulate lists the expected paths of truong', () => {
    const def = JSON.parse(readFlowText('truong.v1.json')) as FlowDefinition;
    const paths = simulate(def).map(
      (p) => p.steps.map((s) => `${s.from}-${s.event}`).join(' ') + ` => ${p.target}`,
    );
    expect(paths).toEqual(['draft-SUBMIT pending_signature-SIGN submitted-ACCEPT => accepted']);
  });
});
