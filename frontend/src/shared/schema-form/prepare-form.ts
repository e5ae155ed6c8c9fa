/**
 * A template version prepared once for RJSF: a stable schema and uiSchema object (memoised per version, so RJSF
 * never re-derives them per keystroke), computed fields read-only, arrays of rows as inline tables, sections listed.
 */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { derivationHelps, type JsonSchema } from './schema-lib';
import { TableArrayFieldTemplate, TableArrayItemTemplate, TableRowFieldTemplate, TableRowObjectTemplate } from './table-templates';

export interface Section {
  key: string;
  title: string;
}

export interface PreparedForm {
  schema: RJSFSchema;
  uiSchema: UiSchema;
  sections: Section[];
  /** Pointers (with "*" for row indices) of x-computed fields. */
  computed: string[];
  fieldCount: number;
  /** How computed ("fill") or rolled-up ("compile") fields are obtained, by pointer with "*" for rows (@bdg/schemas). */
  helps: (mode: DerivationMode) => ReadonlyMap<string, string>;
}

/** A unit's own report ("fill"), or a consolidated one whose fields roll up from the units below ("compile"). */
export type DerivationMode = 'fill' | 'compile';

function lazyHelps(schema: Obj): PreparedForm['helps'] {
  const made = new Map<DerivationMode, ReadonlyMap<string, string>>();
  return (mode) => {
    let m = made.get(mode);
    if (!m) {
      m = derivationHelps(schema as JsonSchema, mode);
      made.set(mode, m);
    }
    return m;
  };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function typesOf(s: Obj): string[] {
  if (Array.isArray(s.type)) return s.type as string[];
  if (typeof s.type === 'string') return [s.type];
  if (isObj(s.properties)) return ['object'];
  if (isObj(s.items)) return ['array'];
  return [];
}

function resolve(root: Obj, s: unknown): Obj | undefined {
  let cur = s;
  for (let i = 0; isObj(cur) && typeof cur.$ref === 'string' && i < 16; i++) {
    const ref = cur.$ref as string;
    if (!ref.startsWith('#/')) break;
    cur = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((n, k) => (isObj(n) ? n[k.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), root);
  }
  return isObj(cur) ? cur : undefined;
}

const isLeaf = (s: Obj) => !typesOf(s).some((t) => t === 'object' || t === 'array');

function mergeUi(generated: Obj, provided: unknown): Obj {
  if (!isObj(provided)) return generated;
  const out: Obj = { ...generated };
  for (const [k, v] of Object.entries(provided)) {
    out[k] = isObj(v) && isObj(out[k]) ? mergeUi(out[k] as Obj, v) : v;
  }
  return out;
}

function buildUi(root: Obj, s: Obj, path: string[], computed: string[], counter: { n: number }, depth: number): Obj {
  const ui: Obj = {};
  if (depth > 32) return ui;
  if (typeof s['x-computed'] === 'string') {
    computed.push('/' + path.join('/'));
    ui['ui:readonly'] = true;
  }
  if (isObj(s.properties)) {
    for (const [k, raw] of Object.entries(s.properties)) {
      const child = resolve(root, raw);
      if (!child) continue;
      const childUi = buildUi(root, child, [...path, k], computed, counter, depth + 1);
      if (Object.keys(childUi).length) ui[k] = childUi;
    }
  }
  const items = resolve(root, s.items);
  if (items) {
    const props = isObj(items.properties) ? Object.values(items.properties).map((p) => resolve(root, p)) : [];
    const tabular = typesOf(items).includes('object') && props.length > 0 && props.every((p) => p && isLeaf(p));
    const itemUi = buildUi(root, items, [...path, '*'], computed, counter, depth + 1);
    if (tabular) {
      ui['ui:ArrayFieldTemplate'] = TableArrayFieldTemplate;
      ui['ui:ArrayFieldItemTemplate'] = TableArrayItemTemplate;
      itemUi['ui:FieldTemplate'] = TableRowFieldTemplate;
      itemUi['ui:ObjectFieldTemplate'] = TableRowObjectTemplate;
      for (const k of Object.keys(items.properties as Obj)) {
        itemUi[k] = { ...(itemUi[k] as Obj | undefined), 'ui:label': false };
      }
    }
    ui.items = itemUi;
  }
  if (isLeaf(s)) counter.n += 1;
  return ui;
}

const cache = new WeakMap<object, WeakMap<object, PreparedForm>>();
const NO_UI = {};

/**
 * `source`: the template's own schema when `schema` is derived from it (a consolidated report's roll-up schema),
 * so the help lines say how each field rolls up by the author's rules.
 */
export function prepareForm(schema: Obj, uiSchema?: Obj | null, source: Obj = schema): PreparedForm {
  const ui = uiSchema ?? NO_UI;
  let byUi = cache.get(schema);
  const hit = byUi?.get(ui);
  if (hit) return hit;
  // The RJSF validator only resolves conditionals here; server-equal validation comes from @bdg/schemas.
  const { $schema: _ignored, ...rjsfSchema } = schema;
  const computed: string[] = [];
  const counter = { n: 0 };
  const generated = buildUi(schema, schema, [], computed, counter, 0);
  const props = isObj(schema.properties) ? schema.properties : {};
  const order = isObj(ui) && Array.isArray(ui['ui:order']) ? (ui['ui:order'] as string[]) : [];
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  const sections = Object.entries(props)
    .filter(([, raw]) => {
      const s = resolve(schema, raw);
      return !!s && !isLeaf(s);
    })
    .map(([key, raw]) => {
      const s = resolve(schema, raw);
      return { key, title: typeof s?.title === 'string' ? s.title : key };
    })
    .sort((a, b) => rank(a.key) - rank(b.key));
  const prepared: PreparedForm = {
    schema: rjsfSchema as RJSFSchema,
    uiSchema: mergeUi(
      { ...generated, 'ui:submitButtonOptions': { norender: true } },
      ui,
    ) as UiSchema,
    sections,
    computed,
    fieldCount: counter.n,
    helps: lazyHelps(source),
  };
  if (!byUi) {
    byUi = new WeakMap();
    cache.set(schema, byUi);
  }
  byUi.set(ui, prepared);
  return prepared;
}
