import { describe, expect, it } from 'vitest';
import { getValidator } from '@bdg/schemas';
import { modelToSchema, schemaToModel } from './field-model';
import { everyKindSchema, everyKindUi } from './fixtures';
import { sampleData } from './sample-data';

describe('sampleData', () => {
  it('gives a value to every field except computed ones, within bounds', () => {
    const m = schemaToModel(everyKindSchema, everyKindUi);
    const d = sampleData(m) as { I: Record<string, unknown>; II: Record<string, unknown> };
    expect(Object.keys(d.I)).toEqual(['tongSo', 'soNu', 'kinhPhi']);
    expect(d.II.hoatDong).toHaveLength(2);
    expect(d.II.mucDo).toBe('Tốt');
  });
  it('is accepted by the shared validator (draft and complete)', () => {
    const m = schemaToModel(everyKindSchema, everyKindUi);
    m.fields[1]!.children = m.fields[1]!.children.filter(
      (c) => !['khac', 'khongKieu', 'minhChung'].includes(c.key),
    );
    const { schema } = modelToSchema(m);
    const sut = getValidator(schema as never);
    expect(sut.validateDraft(sampleData(m))).toEqual([]);
  });
});
