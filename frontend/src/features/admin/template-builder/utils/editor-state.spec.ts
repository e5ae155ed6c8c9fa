import { describe, expect, it } from 'vitest';
import { editorReducer, initEditor } from './editor-state';
import { everyKindSchema, everyKindUi } from './fixtures';
import { locate, nodeIdForPath } from './tree-ops';

describe('editorReducer', () => {
  it('keeps the raw text in sync with visual edits', () => {
    const s0 = initEditor(everyKindSchema, everyKindUi);
    expect(JSON.parse(s0.rawText)).toEqual({ schema: everyKindSchema, uiSchema: everyKindUi });
    const id = nodeIdForPath(s0.model, '/I/soNu')!;
    const s1 = editorReducer(s0, { type: 'update', id, patch: { title: 'Số nữ (người)' } });
    expect(JSON.parse(s1.rawText).schema.properties.I.properties.soNu.title).toBe('Số nữ (người)');
    expect(s1.dirty).toBe(true);
  });

  it('applies valid raw text to the model and keeps the selection', () => {
    const s0 = editorReducer(initEditor(everyKindSchema, everyKindUi), { type: 'select', id: null });
    const id = nodeIdForPath(s0.model, '/I/soNu')!;
    const s1 = editorReducer(s0, { type: 'select', id });
    const doc = JSON.parse(s1.rawText);
    doc.schema.properties.I.properties.soNu.maximum = 99;
    const s2 = editorReducer(s1, { type: 'rawChange', text: JSON.stringify(doc) });
    expect(s2.rawError).toBeNull();
    expect(locate(s2.model, s2.selectedId!)!.node).toMatchObject({ key: 'soNu', maximum: 99 });
  });

  it('keeps the model untouched while the raw text is broken', () => {
    const s0 = initEditor(everyKindSchema, everyKindUi);
    const s1 = editorReducer(s0, { type: 'rawChange', text: '{ "schema": ' });
    expect(s1.rawError).toMatch(/Không phải JSON hợp lệ/);
    expect(s1.model).toBe(s0.model);
    const s2 = editorReducer(s1, {
      type: 'rawChange',
      text: JSON.stringify({ type: 'object', properties: { a: { type: 42 } } }),
    });
    expect(s2.rawError).toMatch(/JSON Schema hợp lệ/);
    expect(s2.model).toBe(s0.model);
  });

  it('reports a refused drag as a notice and changes nothing', () => {
    const s0 = initEditor(everyKindSchema, everyKindUi);
    const s1 = editorReducer(s0, {
      type: 'move',
      dragId: nodeIdForPath(s0.model, '/II')!,
      dropId: nodeIdForPath(s0.model, '/II/hoatDong')!,
      position: 'inside',
    });
    expect(s1.notice?.message).toMatch(/bên trong chính nó/);
    expect(s1.model).toBe(s0.model);
  });

  it('adds, selects and removes', () => {
    const s0 = initEditor(everyKindSchema, everyKindUi);
    const s1 = editorReducer(s0, { type: 'add', parentId: null, kind: 'section' });
    expect(locate(s1.model, s1.selectedId!)!.node.title).toBe('Mục mới');
    const s2 = editorReducer(s1, { type: 'remove', id: s1.selectedId! });
    expect(s2.selectedId).toBeNull();
    expect(s2.model.fields).toHaveLength(2);
  });
});
