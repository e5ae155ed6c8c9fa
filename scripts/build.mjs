#!/usr/bin/env node
// Builds what `npm start` needs, and only what changed since the last build:
// the TypeScript project references (schemas, workflows, backend) incrementally, the frontend when its sources are newer.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const backendOnly = process.argv.includes('--backend-only');
const started = Date.now();

function run(label, cmd, args, cwd = root) {
  process.stdout.write(`• ${label}…\n`);
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', shell: false });
  if (r.status !== 0) {
    console.error(`\n✖ Không dựng được ${label} / build failed (mã ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
run('mã máy chủ (TypeScript)', process.execPath, [tsc, '-b']);

if (!backendOnly) {
  const out = path.join(root, 'frontend', 'dist', 'index.html');
  const built = existsSync(out) ? statSync(out).mtimeMs : 0;
  const sources = Math.max(
    newest(path.join(root, 'frontend', 'src')),
    newest(path.join(root, 'schemas', 'src')),
    newest(path.join(root, 'workflows', 'src')),
    statSync(path.join(root, 'frontend', 'index.html')).mtimeMs,
    statSync(path.join(root, 'frontend', 'vite.config.ts')).mtimeMs,
  );
  if (sources > built) {
    const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    run('giao diện (Vite)', process.execPath, [vite, 'build', '--logLevel', 'warn'], path.join(root, 'frontend'));
  } else {
    process.stdout.write('• giao diện: đã dựng, không có thay đổi\n');
  }
}
process.stdout.write(`• Dựng xong sau ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
