/** The schema corpus of @bdg/schemas (schemas/test/corpus), read as the backend's tests need it. */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface CorpusEntry {
  name: string;
  title: string;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  units: Record<string, unknown>[];
}

export function loadCorpus(): CorpusEntry[] {
  const pkg = dirname(createRequire(import.meta.url).resolve('@bdg/schemas/package.json'));
  const dir = join(pkg, 'test', 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const raw = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;
      let { schema, uiSchema } = raw as { schema: Record<string, unknown>; uiSchema?: Record<string, unknown> };
      if (typeof raw.templateFile === 'string') ({ schema, uiSchema } = JSON.parse(readFileSync(join(pkg, 'templates', raw.templateFile), 'utf8')));
      return { name: f.replace(/\.json$/, ''), title: String(raw.title), schema, uiSchema: uiSchema ?? {}, units: raw.units as Record<string, unknown>[] };
    });
}
