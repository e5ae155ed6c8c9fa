import { actionVocabulary, type EffectType } from '@bdg/workflows';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type EffectHandler, type EffectTable, submissionEffects } from './transition-effects.js';

describe('EffectTable', () => {
  it('has one handler per effect type, checked by the compiler', () => {
    expectTypeOf<keyof EffectTable>().toEqualTypeOf<EffectType>();
    expectTypeOf<EffectTable[EffectType]>().toEqualTypeOf<EffectHandler>();
  });

  it('covers every action of the flow vocabulary: the submission handlers plus notify', () => {
    const sut = submissionEffects({ compile: async () => ({}), contentHash: () => '' });
    const handled = [...Object.keys(sut), 'notify'].sort();
    expect(handled).toEqual(actionVocabulary.map((a) => a.name).sort());
  });
});
