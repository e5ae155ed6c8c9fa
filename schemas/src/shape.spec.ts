import { describe, expect, it } from 'vitest';
import { displayOrder, nonNullType, schemaShapeProblems } from './shape.js';

describe('displayOrder', () => {
  const keys = ['a', 'b', 'c', 'd'];
  it('keeps the keys’ own order without ui:order', () => {
    expect(displayOrder(keys, undefined)).toEqual(keys);
    expect(displayOrder(keys, 'x')).toEqual(keys);
  });
  it('puts the named keys first and the others last, ignoring names of no key', () => {
    expect(displayOrder(keys, ['c', 'zz', 'a'])).toEqual(['c', 'a', 'b', 'd']);
  });
  it('puts the others where * stands', () => {
    expect(displayOrder(keys, ['c', '*', 'a'])).toEqual(['c', 'b', 'd', 'a']);
    expect(displayOrder(keys, ['*', 'a'])).toEqual(['b', 'c', 'd', 'a']);
  });
  it('places a key named twice, or a second *, once', () => {
    expect(displayOrder(keys, ['b', 'a', 'b', '*', 'c', '*'])).toEqual(['b', 'a', 'd', 'c']);
  });
  it('agrees with the exports’ and the form’s rule on a complete order', () => {
    expect(displayOrder(keys, ['d', 'c', 'b', 'a'])).toEqual(['d', 'c', 'b', 'a']);
  });
});

describe('nonNullType', () => {
  it('reads the one type, a null alternative aside', () => {
    expect(nonNullType({ type: 'integer' })).toBe('integer');
    expect(nonNullType({ type: ['number', 'null'] })).toBe('number');
    expect(nonNullType({ type: ['number', 'string'] })).toBeUndefined();
    expect(nonNullType({})).toBeUndefined();
    expect(nonNullType(undefined)).toBeUndefined();
  });
});

describe('schemaShapeProblems', () => {
  it('accepts a well-formed form', () => {
    expect(schemaShapeProblems({ type: 'object', properties: { a: { type: 'array', items: { type: 'object', properties: { b: { type: 'integer', minimum: 0 } } } } } })).toEqual([]);
  });
  it('names each problem in Vietnamese with the JSON Pointer of its schema', () => {
    expect(
      schemaShapeProblems({
        type: 'objekt',
        required: 'a',
        properties: { 'a/b': { title: 3 }, t: { type: 'array', items: { minimum: 'không' } }, x: [] },
      }),
    ).toEqual([
      '(gốc): kiểu “objekt” không phải kiểu của JSON Schema.',
      '(gốc): “required” phải là danh sách tên trường.',
      '/a~1b: “title” phải là chuỗi ký tự.',
      '/t/items: “minimum” phải là một số.',
      '/x: mỗi lược đồ phải là một đối tượng JSON { … }.',
    ]);
  });
});
