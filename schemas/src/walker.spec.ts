import { describe, expect, it } from 'vitest';
import type { JsonSchema } from './types.js';
import { deref, propertyEntries, resolveSchema, schemaAt, walkFields } from './walker.js';
import './validation.js'; // hands the walker its AJV

const form: JsonSchema = {
  type: 'object',
  properties: { loai: { type: 'string', title: 'Loại', enum: ['a', 'b'] }, chung: { $ref: '#/$defs/so', title: 'Số chung' } },
  $defs: { so: { type: 'integer', title: 'Số', minimum: 0 } },
  oneOf: [
    { properties: { loai: { const: 'a' }, soA: { type: 'integer', title: 'Số A' } } },
    { properties: { loai: { const: 'b' }, soB: { type: 'integer', title: 'Số B' } } },
  ],
  if: { properties: { loai: { const: 'a' } }, required: ['loai'] },
  then: { properties: { ghiChuA: { type: 'string', title: 'Ghi chú A' } }, required: ['ghiChuA'] },
  else: { properties: { ghiChuKhac: { type: 'string', title: 'Ghi chú khác' } } },
  dependentSchemas: { chung: { properties: { chiTiet: { type: 'string', title: 'Chi tiết' } } } },
  patternProperties: { '^x_': { type: 'number', title: 'Chỉ số' } },
};

describe('walker', () => {
  it('a $ref keeps the title written beside it', () => {
    expect(deref(form, (form.properties as Record<string, JsonSchema>).chung)).toMatchObject({ type: 'integer', title: 'Số chung', minimum: 0 });
  });

  it('without data: the union of every branch, required only from what always applies', () => {
    const r = resolveSchema(form, form)!;
    expect(Object.keys(r.properties!)).toEqual(['loai', 'chung', 'ghiChuA', 'ghiChuKhac', 'chiTiet', 'soA', 'soB']);
    expect(r.required).toBeUndefined();
    expect(r.oneOf).toBeUndefined();
  });

  it('with data: the branches the data takes', () => {
    const a = resolveSchema(form, form, { loai: 'a', chung: 1 })!;
    expect(Object.keys(a.properties!)).toEqual(['loai', 'chung', 'ghiChuA', 'chiTiet', 'soA']);
    expect(a.required).toEqual(['ghiChuA']);
    const b = resolveSchema(form, form, { loai: 'b' })!;
    expect(Object.keys(b.properties!)).toEqual(['loai', 'chung', 'ghiChuKhac', 'soB']);
  });

  it('map keys: declared properties first, then the keys a pattern admits', () => {
    const r = resolveSchema(form, form)!;
    expect(propertyEntries(form, r, { x_1: 2, chung: 1, y: 3 }).map(([k]) => k)).toEqual(['loai', 'chung', 'ghiChuA', 'ghiChuKhac', 'chiTiet', 'soA', 'soB', 'x_1']);
    expect(schemaAt(form, '/x_1')).toMatchObject({ title: 'Chỉ số' });
    expect(schemaAt(form, '/soB')).toMatchObject({ title: 'Số B' });
  });

  it('walks every field of every branch once, and the value schema of a map part', () => {
    const seen: string[] = [];
    walkFields(form, (f) => void seen.push(f.segments.join('/')));
    expect(seen).toEqual(['loai', 'chung', 'ghiChuA', 'ghiChuKhac', 'chiTiet', 'soA', 'soB', '*']);
  });

  it('resolves a bundle: relative $ref against the nearest $id, and $anchor', () => {
    const bundle: JsonSchema = {
      $id: 'https://vd.vn/goc.json',
      type: 'object',
      properties: { a: { $ref: 'con.json' }, b: { $ref: 'con.json#dem' } },
      $defs: { con: { $id: 'con.json', type: 'object', title: 'Con', properties: { n: { $ref: '#/$defs/n' } }, $defs: { n: { $anchor: 'dem', type: 'integer', title: 'Đếm' } } } },
    };
    expect(schemaAt(bundle, '/a')).toMatchObject({ title: 'Con' });
    expect(schemaAt(bundle, '/a/n')).toMatchObject({ title: 'Đếm' });
    expect(schemaAt(bundle, '/b')).toMatchObject({ title: 'Đếm' });
  });
});
