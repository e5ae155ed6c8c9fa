import { describe, expect, it } from 'vitest';
import { schemaToModel } from './field-model';
import { everyKindSchema, everyKindUi } from './fixtures';
import {
  addNode,
  changeKind,
  dataPointer,
  duplicateNode,
  locate,
  moveNode,
  nodeIdForPath,
  numericPointers,
  removeNode,
} from './tree-ops';

const model = () => schemaToModel(everyKindSchema, everyKindUi);
const idOf = (m: ReturnType<typeof model>, path: string) => nodeIdForPath(m, path)!;

describe('tree-ops', () => {
  it('adds a field with a unique key at the end of a section', () => {
    const m = model();
    const r = addNode(m, idOf(m, '/I'), 'number');
    if ('error' in r) throw new Error(r.error);
    const loc = locate(r.model, r.id)!;
    expect(loc.keys).toEqual(['I', 'truong']);
    const r2 = addNode(r.model, idOf(m, '/I'), 'number');
    if ('error' in r2) throw new Error(r2.error);
    expect(locate(r2.model, r2.id)!.node.key).toBe('truong2');
  });

  it('refuses a section as a table column and a field inside a field', () => {
    const m = model();
    expect(addNode(m, idOf(m, '/II/hoatDong'), 'section')).toHaveProperty('error');
    expect(addNode(m, idOf(m, '/I/tongSo'), 'text')).toHaveProperty('error');
  });

  it('removes and duplicates', () => {
    const m = model();
    const without = removeNode(m, idOf(m, '/I/kinhPhi'));
    expect(locate(without, idOf(m, '/I/kinhPhi'))).toBeNull();
    const d = duplicateNode(m, idOf(m, '/I/soNu'))!;
    const loc = locate(d.model, d.id)!;
    expect(loc.node.key).toBe('soNu_banSao');
    expect(loc.index).toBe(2);
    expect(loc.node.title).toBe('Số nữ (bản sao)');
  });

  it('moves before, after and inside, renaming on a key clash', () => {
    const m = model();
    const r = moveNode(m, idOf(m, '/I/kinhPhi'), idOf(m, '/I/tongSo'), 'before');
    if ('error' in r) throw new Error(r.error);
    expect(r.model.fields[0]!.children.map((c) => c.key)).toEqual(['kinhPhi', 'tongSo', 'soNu', 'tiLeNu']);
    const r2 = moveNode(m, idOf(m, '/I/tongSo'), idOf(m, '/II'), 'inside');
    if ('error' in r2) throw new Error(r2.error);
    expect(r2.model.fields[1]!.children.at(-1)!.key).toBe('tongSo');
    const dup = duplicateNode(m, idOf(m, '/I/soNu'))!;
    const clash = { ...dup.model };
    const r3 = moveNode(clash, idOf(m, '/II/ketQua'), idOf(m, '/I/soNu'), 'after');
    if ('error' in r3) throw new Error(r3.error);
    expect(r3.model.fields[0]!.children.map((c) => c.key)).toContain('ketQua');
  });

  it('refuses moving a section into itself or a field into a field', () => {
    const m = model();
    expect(moveNode(m, idOf(m, '/II'), idOf(m, '/II/hoatDong'), 'inside')).toHaveProperty('error');
    expect(moveNode(m, idOf(m, '/I/soNu'), idOf(m, '/I/tongSo'), 'inside')).toHaveProperty('error');
    expect(moveNode(m, idOf(m, '/I'), idOf(m, '/II/hoatDong/loai'), 'after')).toHaveProperty('error');
  });

  it('changes kind and drops what no longer applies', () => {
    const m = model();
    const next = changeKind(m, idOf(m, '/I/soNu'), 'text');
    const n = locate(next, idOf(m, '/I/soNu'))!.node;
    expect(n).toMatchObject({ kind: 'text', minimum: undefined, aggregate: undefined, unit: undefined });
  });

  it('finds a node from schema pointers, data pointers and dotted paths', () => {
    const m = model();
    const id = idOf(m, '/I/soNu');
    expect(nodeIdForPath(m, '/properties/I/properties/soNu')).toBe(id);
    expect(nodeIdForPath(m, '#/properties/I/properties/soNu/minimum')).toBe(id);
    expect(nodeIdForPath(m, 'I.soNu')).toBe(id);
    expect(nodeIdForPath(m, '/schema/properties/I/properties/soNu/x-aggregate')).toBe(id);
    expect(nodeIdForPath(m, '/uiSchema/I/soNu')).toBe(id);
    expect(nodeIdForPath(m, '/II/hoatDong/3/soLuot')).toBe(idOf(m, '/II/hoatDong/items/soLuot'));
    expect(nodeIdForPath(m, '/I/khongCo')).toBe(idOf(m, '/I'));
  });

  it('gives data pointers and the numeric fields usable in a ratio', () => {
    const m = model();
    expect(dataPointer(m, idOf(m, '/II/hoatDong/soLuot'))).toBe('/II/hoatDong/-/soLuot');
    expect(numericPointers(m).map((p) => p.pointer)).toEqual([
      '/I/tongSo',
      '/I/soNu',
      '/I/tiLeNu',
      '/I/kinhPhi',
      '/II/khac',
    ]);
  });
});
