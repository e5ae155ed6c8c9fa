/** Where every schema object of a template sits (base URI, pointer), and `$ref` resolution from there. */
import { getAt, isPlainObject, parsePointer, toPointer } from './pointer.js';
import type { JsonSchema } from './types.js';

export const ROOT_BASE = 'https://bdg.invalid/schema.json';
export const VALUE_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'x-aggregate', 'x-rules']);

interface Index {
  /** Absolute base URI of every schema object (nearest `$id`, or the root's). */
  base: WeakMap<object, string>;
  /** Pointer of every schema object from the resource it belongs to (nearest `$id`). */
  rel: WeakMap<object, string>;
  resources: Map<string, JsonSchema>;
  anchors: Map<string, JsonSchema>;
  rootBase: string;
}

const indexes = new WeakMap<JsonSchema, Index>();

function stripFragment(u: string): string {
  const i = u.indexOf('#');
  return i < 0 ? u : u.slice(0, i);
}

function absolute(ref: string, base: string): string | undefined {
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
}

export function indexOf(root: JsonSchema): Index {
  const hit = indexes.get(root);
  if (hit) return hit;
  const rootBase = typeof root.$id === 'string' ? stripFragment(absolute(root.$id, ROOT_BASE) ?? ROOT_BASE) : ROOT_BASE;
  const idx: Index = { base: new WeakMap(), rel: new WeakMap(), resources: new Map(), anchors: new Map(), rootBase };
  const visit = (node: unknown, base: string, rel: string[], depth: number): void => {
    if (depth > 200) return;
    if (Array.isArray(node)) {
      node.forEach((x, i) => visit(x, base, [...rel, String(i)], depth + 1));
      return;
    }
    if (!isPlainObject(node)) return;
    let b = base;
    let r = rel;
    if (typeof node.$id === 'string' && depth > 0) {
      const abs = absolute(node.$id, base);
      if (abs) {
        b = stripFragment(abs);
        r = [];
        idx.resources.set(b, node as JsonSchema);
      }
    }
    idx.base.set(node, b);
    idx.rel.set(node, toPointer(r));
    if (typeof node.$anchor === 'string') idx.anchors.set(`${b}#${node.$anchor}`, node as JsonSchema);
    for (const [k, v] of Object.entries(node)) if (!VALUE_KEYWORDS.has(k)) visit(v, b, [...r, k], depth + 1);
  };
  idx.resources.set(rootBase, root);
  visit(root, rootBase, [], 0);
  indexes.set(root, idx);
  return idx;
}

/** The schema a `$ref` names, looked up from the base of the schema that holds it. */
function lookup(root: JsonSchema, ref: string, from: object): JsonSchema | undefined {
  const idx = indexOf(root);
  const abs = absolute(ref, idx.base.get(from) ?? idx.rootBase);
  if (!abs) return undefined;
  const hash = abs.indexOf('#');
  const resourceUri = hash < 0 ? abs : abs.slice(0, hash);
  const fragment = hash < 0 ? '' : decodeURIComponent(abs.slice(hash + 1));
  const resource = idx.resources.get(resourceUri);
  if (!resource) return undefined;
  if (fragment === '') return resource;
  if (fragment.startsWith('/')) {
    const t = getAt(resource, parsePointer(fragment));
    return isPlainObject(t) ? (t as JsonSchema) : undefined;
  }
  return idx.anchors.get(`${resourceUri}#${fragment}`);
}

const merged$ref = new WeakMap<object, JsonSchema>();

/** Follows `$ref` (local, `$id` bundles, anchors); the referring schema's own keywords win. */
export function deref(root: JsonSchema, s: JsonSchema | undefined): JsonSchema | undefined {
  let cur = s;
  for (let i = 0; cur && typeof cur.$ref === 'string' && i < 32; i++) {
    const cached = merged$ref.get(cur);
    if (cached) {
      cur = cached;
      continue;
    }
    const target = lookup(root, cur.$ref, cur);
    if (!target) return undefined;
    const { $ref: _ref, ...siblings } = cur;
    void _ref;
    if (Object.keys(siblings).length === 0) cur = target;
    else {
      const m = { ...target, ...siblings } as JsonSchema;
      const idx = indexOf(root);
      // the merged copy keeps the target's base, so refs inside it still resolve
      idx.base.set(m, idx.base.get(target) ?? idx.rootBase);
      idx.rel.set(m, idx.rel.get(target) ?? '');
      merged$ref.set(cur, m);
      cur = m;
    }
  }
  return cur;
}

/**
 * A self-contained copy of a schema: every `$ref` replaced by what it names (resolved from the
 * base of the schema that holds it), `$id`/`$anchor`/`$defs` dropped. For derived schemas (the
 * compiled report's) that must not carry the bundle's identifiers twice.
 */
export function inlineRefs(root: JsonSchema, s: unknown, depth = 0): unknown {
  if (depth > 64) return {};
  if (Array.isArray(s)) return s.map((x) => inlineRefs(root, x, depth + 1));
  if (!isPlainObject(s)) return s;
  const d = typeof s.$ref === 'string' ? (deref(root, s as JsonSchema) ?? {}) : s;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) {
    if (k === '$id' || k === '$anchor' || k === '$defs' || k === 'definitions' || k === '$schema') continue;
    out[k] = VALUE_KEYWORDS.has(k) ? structuredClone(v) : inlineRefs(root, v, depth + 1);
  }
  return out;
}
