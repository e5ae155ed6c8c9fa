/**
 * Debian's nginx running deploy/nginx.conf: the shipped file with only its upstream addresses (app1:3000,
 * app2:3000) and its listen port replaced, wrapped in the top-level blocks the nginx image provides
 * (events, http with mime types, temporary paths in a directory of its own). Every directive of the
 * shipped server block is kept, so the test exercises them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { freePort, makeDataDir, ROOT, sleep } from './app.js';

const CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'];

export function nginxBinary(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      'nginx is not installed, so deploy/nginx.conf cannot be tested: install the Debian package (apt-get install -y nginx-light) — CI installs it in .ci/run.',
    );
  return found;
}

/** The shipped config for this machine: upstreams on the app's port, listening on `port`. Refuses a shipped file whose shape changed. */
export function adaptedConfig(appPort: number, port: number): string {
  const shipped = readFileSync(path.join(ROOT, 'deploy/nginx.conf'), 'utf8');
  const upstreams = shipped.match(/\bserver\s+app\d+:3000\b/g) ?? [];
  if (upstreams.length < 1 || !/^\s*listen 80;$/m.test(shipped)) throw new Error('deploy/nginx.conf changed shape: update test/support/nginx.ts (upstreams appN:3000, listen 80)');
  return shipped.replace(/\bserver\s+app\d+:3000\b/g, `server 127.0.0.1:${appPort}`).replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`);
}

export interface Nginx {
  port: number;
  stop(): Promise<void>;
}

export async function startNginx(appPort: number): Promise<Nginx> {
  const bin = nginxBinary();
  const dir = makeDataDir();
  for (const d of ['client', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, d), { mode: 0o777 });
  const port = await freePort();
  const mime = ['/etc/nginx/mime.types'].find((f) => existsSync(f));
  const conf = `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  ${mime ? `include ${mime};` : 'types { text/html html; application/javascript js; application/json json; }'}
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/client;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  # ---- deploy/nginx.conf, adapted ----
${adaptedConfig(appPort, port)}
}
`;
  writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const proc: ChildProcess = spawn(bin, ['-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  proc.stdout!.on('data', (b: Buffer) => out.push(b.toString()));
  proc.stderr!.on('data', (b: Buffer) => out.push(b.toString()));
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`nginx exited (${proc.exitCode}): ${out.join('')} ${readIf(path.join(dir, 'error.log'))}`);
    const up = await request(port, 'GET', '/healthz').then(
      (r) => r.status === 200,
      () => false,
    );
    if (up) break;
    await sleep(100);
  }
  return {
    port,
    stop: async () => {
      if (proc.exitCode !== null) return;
      const done = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGQUIT');
      await Promise.race([done, sleep(5000)]);
      if (proc.exitCode === null) proc.kill('SIGKILL');
    },
  };
}

const readIf = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : '');

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** as received: still compressed when Content-Encoding says so (decompressed for gzip) */
  body: Buffer;
}

/** One HTTP request through nginx, optionally from another local address; gzip answers are decompressed into `body`. */
export function request(port: number, method: string, urlPath: string, headers: Record<string, string> = {}, json?: unknown, localAddress?: string): Promise<Answer> {
  const payload = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers: { ...headers, ...(payload ? { 'Content-Length': String(payload.length) } : {}) }, localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', async () => {
        let body = Buffer.concat(chunks);
        if (res.headers['content-encoding'] === 'gzip') body = (await import('node:zlib')).gunzipSync(body);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${urlPath}: no answer in 30 s`)));
    req.end(payload);
  });
}
