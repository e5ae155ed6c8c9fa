#!/usr/bin/env node
// Builds what `npm start` needs, and only what changed since the last build:
// the backend (with the pure packages' sources) bundled by rolldown into backend/dist — a second, not
// half a minute of tsc; type-checking is `npm run typecheck`'s job — and the frontend when its sources are newer.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const backendOnly = process.argv.includes('--backend-only');
// The browser benchmark's page (frontend/bench.html → frontend/dist-bench), never part of the app: test/e2e/form-bench.e2e.ts.
const benchOnly = process.argv.includes('--bench-only');
const started = Date.now();

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name === 'build') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const pureSources = () => Math.max(...['schemas', 'workflows', 'regimes', 'api-types'].map((w) => newest(path.join(root, w, 'src'))));

/**
 * Brotli (quality 11) and gzip (level 9) twins of every text asset, once at build time: the app sends
 * them as they are (backend/src/common/static-assets.ts), so no request pays for compressing them.
 */
function precompress(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!/\.(js|css|svg|json|html)$/.test(name)) continue;
    const file = path.join(dir, name);
    const raw = readFileSync(file);
    if (raw.length < 1024) continue;
    writeFileSync(`${file}.br`, brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
    writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
  }
}

function fail(label, e) {
  console.error(`\n✖ Không dựng được ${label} / build failed:\n${e?.message ?? e}`);
  process.exit(1);
}

const backendDir = path.join(root, 'backend');
const entries = {
  main: 'src/main.ts',
  ...(existsSync(path.join(backendDir, 'src', 'worker.ts')) ? { worker: 'src/worker.ts' } : {}),
  // the export renderers' worker-thread module (backend/src/exports/export-pool.ts loads it beside main.js)
  'export-render': 'src/exports/worker/render.task.ts',
  // large request bodies are validated in worker threads (backend/src/validation/validation-pool.ts)
  'validate-worker': 'src/validation/worker/validate.task.ts',
  // the roll-up of large compiles runs in a worker thread (backend/src/submissions/roll-up-pool.ts)
  'roll-up-worker': 'src/submissions/worker/roll-up.task.ts',
};
if (benchOnly) {
  // nothing of the app
} else if (
  Math.max(newest(path.join(backendDir, 'src')), pureSources()) > builtAt(path.join(backendDir, 'dist', 'main.js')) ||
  // an entry added since the last build (or its file deleted) is built too, not only when sources changed
  Object.keys(entries).some((name) => !existsSync(path.join(backendDir, 'dist', `${name}.js`)))
) {
  process.stdout.write('• máy chủ (rolldown)…\n');
  try {
    await build({
      cwd: backendDir,
      input: entries,
      platform: 'node',
      // The workspaces' TypeScript sources are bundled in; every npm package stays an import.
      resolve: { conditionNames: ['source', 'import', 'node', 'default'] },
      // The backend's own npm imports stay imports; what the pure workspaces import is bundled from where it
      // resolves (schemas/ has its own ajv 8 beside the root's ajv 6), and so are oxc's decorator helpers.
      external: (id, importer) => {
        if (id.startsWith('.') || path.isAbsolute(id) || id.startsWith('@bdg/') || id.startsWith('\0')) return false;
        if (id.startsWith('@oxc-project/runtime')) return false;
        return !!importer && importer.startsWith(path.join(backendDir, 'src') + path.sep);
      },
      output: { dir: path.join(backendDir, 'dist'), format: 'esm', sourcemap: true, entryFileNames: '[name].js' },
      logLevel: 'warn',
    });
  } catch (e) {
    fail('máy chủ', e);
  }
} else process.stdout.write('• máy chủ: đã dựng, không có thay đổi\n');

/** The frontend's Vite build of `html` into `outDir`, when its sources are newer than the last one. */
function buildFrontend(label, html, outDir, extraArgs) {
  const frontendDir = path.join(root, 'frontend');
  const sources = Math.max(
    newest(path.join(frontendDir, 'src')),
    pureSources(),
    statSync(path.join(frontendDir, html)).mtimeMs,
    statSync(path.join(frontendDir, 'vite.config.ts')).mtimeMs,
  );
  if (sources <= builtAt(path.join(frontendDir, outDir, html))) return void process.stdout.write(`• ${label}: đã dựng, không có thay đổi\n`);
  process.stdout.write(`• ${label} (Vite)…\n`);
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', ...extraArgs], { cwd: frontendDir, stdio: 'inherit' });
  if (r.status !== 0) fail(label, `vite build (mã ${r.status})`);
  precompress(path.join(frontendDir, outDir, 'assets'));
}

if (benchOnly) buildFrontend('trang đo hiệu năng', 'bench.html', 'dist-bench', ['--mode', 'bench']);
else if (!backendOnly) buildFrontend('giao diện', 'index.html', 'dist', []);
process.stdout.write(`• Dựng xong sau ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
