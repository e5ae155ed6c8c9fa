/** Field identities and property names: editor ids, unique and valid keys, a key from a Vietnamese title, new nodes. */
import type { FieldKind, FieldNode } from './field-types';

let counter = 0;
export function newId(): string {
  counter += 1;
  return `f${Date.now().toString(36)}${counter.toString(36)}`;
}

/** A fresh node of a kind, with a key unique among `siblings`. */
export function createNode(kind: FieldKind, siblings: FieldNode[]): FieldNode {
  const base = kind === 'section' ? 'muc' : kind === 'table' ? 'bang' : 'truong';
  const key = uniqueKey(base, siblings);
  const node: FieldNode = {
    id: newId(),
    kind,
    key,
    title: kind === 'section' ? 'Mục mới' : kind === 'table' ? 'Bảng mới' : 'Câu hỏi mới',
    required: false,
    children: [],
    extra: {},
    ui: {},
  };
  if (kind === 'choice') {
    node.choices = [
      { value: 'co', label: 'Có' },
      { value: 'khong', label: 'Không' },
    ];
    node.choiceStyle = 'oneOf';
  }
  if (kind === 'table') node.children = [{ ...createNode('text', []), key: 'ten', title: 'Tên' }];
  if (kind === 'file') node.extra = { items: { type: 'string', format: 'uuid' } };
  return node;
}

export function uniqueKey(base: string, siblings: { key: string }[]): string {
  const taken = new Set(siblings.map((s) => s.key));
  if (!taken.has(base)) return base;
  let i = 2;
  while (taken.has(`${base}${i}`)) i += 1;
  return `${base}${i}`;
}

/** A valid property name: starts with a letter or _, then letters, digits, _ (no diacritics). */
export function isValidKey(key: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key);
}

/** Vietnamese title → ASCII camelCase key ("Tổng số nữ" → "tongSoNu"). */
export function keyFromTitle(title: string): string {
  const ascii = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .trim();
  const words = ascii.split(/\s+/).filter(Boolean);
  if (!words.length) return 'truong';
  const key = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
  return /^[0-9]/.test(key) ? `_${key}` : key;
}
