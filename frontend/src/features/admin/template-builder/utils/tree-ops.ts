/** Pure operations on the builder's field tree. Every function returns a new model. */
import { escapeSegment, parsePointer } from '@bdg/schemas';
import {
  createNode,
  newId,
  uniqueKey,
  type FieldKind,
  type FieldNode,
  type TemplateModel,
} from './field-model';

export interface Located {
  node: FieldNode;
  parent: FieldNode | null;
  siblings: FieldNode[];
  index: number;
  /** Keys from the root down to the node. */
  keys: string[];
}

export function locate(model: TemplateModel, id: string): Located | null {
  const walk = (list: FieldNode[], parent: FieldNode | null, keys: string[]): Located | null => {
    for (let i = 0; i < list.length; i++) {
      const n = list[i]!;
      if (n.id === id) return { node: n, parent, siblings: list, index: i, keys: [...keys, n.key] };
      const found = walk(n.children, n, [...keys, n.key]);
      if (found) return found;
    }
    return null;
  };
  return walk(model.fields, null, []);
}

function mapChildren(
  list: FieldNode[],
  parentId: string | null,
  fn: (list: FieldNode[]) => FieldNode[],
): FieldNode[] {
  if (parentId === null) return fn(list);
  return list.map((n) =>
    n.id === parentId
      ? { ...n, children: fn(n.children) }
      : { ...n, children: mapChildren(n.children, parentId, fn) },
  );
}

function withList(
  model: TemplateModel,
  parentId: string | null,
  fn: (list: FieldNode[]) => FieldNode[],
): TemplateModel {
  return { ...model, fields: mapChildren(model.fields, parentId, fn) };
}

/** Can a node of this kind hold children of that kind? (null = the root) */
export function canContain(parentKind: FieldKind | null, childKind: FieldKind): boolean {
  if (parentKind === null || parentKind === 'section') return true;
  if (parentKind === 'table') return childKind !== 'section' && childKind !== 'table' && childKind !== 'file';
  return false;
}

export function updateNode(
  model: TemplateModel,
  id: string,
  patch: Partial<Omit<FieldNode, 'id'>>,
): TemplateModel {
  const loc = locate(model, id);
  if (!loc) return model;
  const parentId = loc.parent?.id ?? null;
  return withList(model, parentId, (list) => list.map((n) => (n.id === id ? { ...n, ...patch } : n)));
}

/** Change a field's kind, dropping what no longer applies. */
export function changeKind(model: TemplateModel, id: string, kind: FieldKind): TemplateModel {
  const loc = locate(model, id);
  if (!loc || loc.node.kind === kind) return model;
  const fresh = createNode(kind, []);
  const extra = { ...loc.node.extra };
  delete extra.type;
  delete extra['x-builder-no-type'];
  delete extra.format;
  if (loc.node.kind === 'file') delete extra.items;
  if (kind === 'file') extra.items = { type: 'string', format: 'uuid' };
  const next: FieldNode = {
    ...loc.node,
    kind,
    extra,
    choices: kind === 'choice' ? (loc.node.choices ?? fresh.choices) : undefined,
    choiceStyle: kind === 'choice' ? (loc.node.choiceStyle ?? fresh.choiceStyle) : undefined,
    children:
      kind === 'section' || kind === 'table'
        ? loc.node.children.length
          ? loc.node.children
          : fresh.children
        : [],
    aggregate: undefined,
    minimum: kind === 'number' || kind === 'integer' ? loc.node.minimum : undefined,
    maximum: kind === 'number' || kind === 'integer' ? loc.node.maximum : undefined,
    minLength: kind === 'text' || kind === 'longText' ? loc.node.minLength : undefined,
    maxLength: kind === 'text' || kind === 'longText' ? loc.node.maxLength : undefined,
    minItems: kind === 'table' || kind === 'file' ? loc.node.minItems : undefined,
    maxItems: kind === 'table' || kind === 'file' ? loc.node.maxItems : undefined,
    computed: kind === 'number' || kind === 'integer' ? loc.node.computed : undefined,
    unit: kind === 'number' || kind === 'integer' ? loc.node.unit : undefined,
  };
  return updateNode(model, id, next);
}

export function addNode(
  model: TemplateModel,
  parentId: string | null,
  kind: FieldKind,
  index?: number,
): { model: TemplateModel; id: string } | { error: string } {
  const parent = parentId ? locate(model, parentId)?.node : null;
  if (parentId && !parent) return { error: 'Không tìm thấy mục cha.' };
  if (!canContain(parent ? parent.kind : null, kind)) {
    return {
      error:
        parent?.kind === 'table'
          ? 'Cột của bảng không thể là mục, bảng hay tệp.'
          : 'Chỉ thêm được câu hỏi vào một mục hoặc một bảng.',
    };
  }
  const siblings = parent ? parent.children : model.fields;
  const node = createNode(kind, siblings);
  const next = withList(model, parentId, (list) => {
    const copy = [...list];
    copy.splice(index ?? copy.length, 0, node);
    return copy;
  });
  return { model: next, id: node.id };
}

export function removeNode(model: TemplateModel, id: string): TemplateModel {
  const loc = locate(model, id);
  if (!loc) return model;
  return withList(model, loc.parent?.id ?? null, (list) => list.filter((n) => n.id !== id));
}

function cloneWithNewIds(n: FieldNode): FieldNode {
  return { ...structuredClone(n), id: newId(), children: n.children.map(cloneWithNewIds) };
}

export function duplicateNode(model: TemplateModel, id: string): { model: TemplateModel; id: string } | null {
  const loc = locate(model, id);
  if (!loc) return null;
  const copy = cloneWithNewIds(loc.node);
  copy.key = uniqueKey(`${loc.node.key}_banSao`, loc.siblings);
  copy.title = loc.node.title ? `${loc.node.title} (bản sao)` : '';
  const next = withList(model, loc.parent?.id ?? null, (list) => {
    const c = [...list];
    c.splice(loc.index + 1, 0, copy);
    return c;
  });
  return { model: next, id: copy.id };
}

export type DropPosition = 'before' | 'after' | 'inside';

function isDescendant(node: FieldNode, id: string): boolean {
  return node.children.some((c) => c.id === id || isDescendant(c, id));
}

/** Move `dragId` before/after/inside `dropId`. The key is renamed if it clashes with a new sibling. */
export function moveNode(
  model: TemplateModel,
  dragId: string,
  dropId: string,
  position: DropPosition,
): { model: TemplateModel } | { error: string } {
  if (dragId === dropId) return { model };
  const drag = locate(model, dragId);
  const drop = locate(model, dropId);
  if (!drag || !drop) return { error: 'Không tìm thấy trường cần di chuyển.' };
  if (isDescendant(drag.node, dropId)) return { error: 'Không thể chuyển một mục vào bên trong chính nó.' };
  const newParent = position === 'inside' ? drop.node : drop.parent;
  if (!canContain(newParent ? newParent.kind : null, drag.node.kind)) {
    return {
      error:
        newParent && newParent.kind !== 'section' && newParent.kind !== 'table'
          ? 'Chỉ thả được vào trong một mục hoặc một bảng.'
          : 'Cột của bảng không thể là mục, bảng hay tệp.',
    };
  }
  const without = removeNode(model, dragId);
  const newParentId = newParent?.id ?? null;
  const targetList = newParentId ? locate(without, newParentId)!.node.children : without.fields;
  const moved = { ...drag.node };
  if (targetList.some((s) => s.key === moved.key)) moved.key = uniqueKey(moved.key, targetList);
  const next = withList(without, newParentId, (list) => {
    const c = [...list];
    let at: number;
    if (position === 'inside') at = c.length;
    else {
      const i = c.findIndex((n) => n.id === dropId);
      at = position === 'before' ? i : i + 1;
    }
    c.splice(at, 0, moved);
    return c;
  });
  return { model: next };
}

/** JSON Pointer into the form data for a node (`/I/tongSo`; table columns as `/bang/-/cot`). */
export function dataPointer(model: TemplateModel, id: string): string | null {
  const loc = locate(model, id);
  if (!loc) return null;
  const segs: string[] = [];
  let list = model.fields;
  for (const key of loc.keys) {
    const n = list.find((x) => x.key === key)!;
    segs.push(key);
    if (n.kind === 'table' && n.id !== id) segs.push('-');
    list = n.children;
  }
  return '/' + segs.join('/');
}

/**
 * The node a finding's path points at. Accepts schema pointers (`/properties/I/properties/a`),
 * data pointers (`/I/a`, `/bang/0/cot`) and dotted paths (`I.a`). Falls back to the nearest ancestor.
 */
export function nodeIdForPath(model: TemplateModel, path: string): string | null {
  if (!path) return null;
  let segs: string[];
  try {
    segs = path.startsWith('/') || path.startsWith('#') ? parsePointer(path.replace(/^#/, '')) : path.split('.');
  } catch {
    return null;
  }
  // Paths into the template document (`/schema/properties/…`, `/uiSchema/…`) start one level up.
  if ((segs[0] === 'schema' || segs[0] === 'uiSchema') && !model.fields.some((n) => n.key === segs[0]))
    segs.shift();
  let list = model.fields;
  let found: FieldNode | null = null;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    if (seg === 'properties' && i + 1 < segs.length && list.some((n) => n.key === segs[i + 1])) continue;
    if (seg === 'items' || seg === '-' || /^\d+$/.test(seg)) continue;
    const n = list.find((x) => x.key === seg);
    if (!n) break;
    found = n;
    list = n.children;
  }
  return found?.id ?? null;
}

/**
 * Every numeric field with its data pointer (for ratio numerator/denominator pickers): the picker shows `title`,
 * with `where` (the sections it sits in, by their titles) as secondary text; the pointer is only stored.
 */
export function numericPointers(model: TemplateModel): { pointer: string; title: string; where: string }[] {
  const out: { pointer: string; title: string; where: string }[] = [];
  const walk = (list: FieldNode[], prefix: string, where: string[]) => {
    for (const n of list) {
      const p = `${prefix}/${escapeSegment(n.key)}`;
      if (n.kind === 'section') walk(n.children, p, [...where, n.title || n.key]);
      else if (n.kind === 'number' || n.kind === 'integer') out.push({ pointer: p, title: n.title || n.key, where: where.join(' › ') });
    }
  };
  walk(model.fields, '', []);
  return out;
}

export function countFields(model: TemplateModel): number {
  const walk = (list: FieldNode[]): number => list.reduce((acc, n) => acc + 1 + walk(n.children), 0);
  return walk(model.fields);
}
