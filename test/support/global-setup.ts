import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { MAIN, ROOT } from './app.js';

function newest(dir: string): number {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The suites run backend/dist: build it (incrementally) when a source is newer than the build. */
export function setup() {
  const built = existsSync(MAIN) ? newest(path.dirname(MAIN)) : 0;
  const sources = Math.max(...['backend/src', 'schemas/src', 'workflows/src', 'workflows/flows', 'schemas/templates'].map((d) => newest(path.join(ROOT, d))));
  if (built && sources <= built && !process.env.FORCE_BUILD) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--backend-only'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('backend build failed');
}
