/** Formats AJV does not know but RJSF forms use, and what decides how a schema is compiled. */
import { isPlainObject } from './pointer.js';

import type { Ajv2020 } from 'ajv/dist/2020.js';

type FormatHost = Pick<Ajv2020, 'addFormat' | 'addKeyword'>;

/** RFC 2397 `data:[<mediatype>][;name=…][;base64],<data>`: RJSF's file widget stores files so. */
export function isDataUrl(s: string): boolean {
  if (!s.startsWith('data:')) return false;
  const comma = s.indexOf(',');
  if (comma < 0) return false;
  const meta = s.slice(5, comma);
  return meta.split(';').every((p, i) => (i === 0 ? p === '' || /^[\w.+-]+\/[\w.+-]+$/.test(p) : /^[\w.+-]+(=[^;,]*)?$/.test(p)));
}

export function addBdgFormats(ajv: FormatHost): void {
  ajv.addFormat('data-url', { type: 'string', validate: isDataUrl });
  // AJV resolves `$anchor` references but its strict mode does not list the keyword itself
  ajv.addKeyword({ keyword: '$anchor', schemaType: 'string' });
}

/** Does the schema carry an `$id` anywhere (a bundle)? Such schemas get an AJV of their own. */
export function hasEmbeddedId(schema: unknown, depth = 0): boolean {
  if (depth > 100) return false;
  if (Array.isArray(schema)) return schema.some((x) => hasEmbeddedId(x, depth + 1));
  if (!isPlainObject(schema)) return false;
  if (typeof schema.$id === 'string') return true;
  for (const [k, v] of Object.entries(schema)) if (k !== 'enum' && k !== 'const' && k !== 'default' && k !== 'examples' && hasEmbeddedId(v, depth + 1)) return true;
  return false;
}
