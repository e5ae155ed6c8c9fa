import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The JSON files a pure workspace ships (templates, flows, regimes), read by the backend for seeding. */
export function readWorkspaceJson(pkg: '@bdg/schemas' | '@bdg/workflows' | '@bdg/regimes', folder: string): unknown[] {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
}
