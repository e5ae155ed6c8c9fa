/** The corpus of real-world schemas (schemas/test/corpus/*.json), each with two units' data. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonSchema } from '../../src/types.js';

export interface CorpusEntry {
  name: string;
  title: string;
  source: string;
  schema: JsonSchema;
  uiSchema: Record<string, unknown>;
  /** Two units' data, each valid against the complete form */
  units: Record<string, unknown>[];
}

const here = dirname(fileURLToPath(import.meta.url));

export function loadCorpus(): CorpusEntry[] {
  return readdirSync(here)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const raw = JSON.parse(readFileSync(join(here, f), 'utf8')) as Record<string, unknown>;
      let schema = raw.schema as JsonSchema;
      let uiSchema = (raw.uiSchema ?? {}) as Record<string, unknown>;
      if (typeof raw.templateFile === 'string') {
        const t = JSON.parse(readFileSync(join(here, '../../templates', raw.templateFile), 'utf8')) as { schema: JsonSchema; uiSchema: Record<string, unknown> };
        schema = t.schema;
        uiSchema = t.uiSchema;
      }
      return { name: f.replace(/\.json$/, ''), title: String(raw.title), source: String(raw.source), schema, uiSchema, units: raw.units as Record<string, unknown>[] };
    });
}

/** The template file a corpus entry publishes as. */
export function corpusTemplate(e: CorpusEntry, code = e.name.toLowerCase().slice(0, 60).replace(/-+$/, '')) {
  return { code, version: 1, title: e.title, periodKind: 'nam', schema: e.schema, uiSchema: e.uiSchema, document: {} };
}

export interface RefusedEntry {
  name: string;
  title: string;
  schema: JsonSchema;
  /** A regular expression the Vietnamese refusal must match */
  refusedWith: string;
}

/** Constructs lint refuses (schemas/test/corpus/refused), each with the message it must give. */
export function loadRefused(): RefusedEntry[] {
  const dir = join(here, 'refused');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const raw = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;
      return { name: f.replace(/\.json$/, ''), title: String(raw.title), schema: raw.schema as JsonSchema, refusedWith: String(raw.refusedWith) };
    });
}
