import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { passwordProblem } from '../users/password-policy.js';

/** Settings read once from the environment, validated, typed. */
export interface AppConfig {
  databaseUrl: string | null;
  port: number;
  host: string;
  dataDir: string;
  adminPassword: string;
  adminPasswordIsDefault: boolean;
  jwtSecret: string;
  jwtTtlSeconds: number;
  uploadLimitBytes: number;
  smtpUrl: string | null;
  seedDemo: boolean;
  runJobs: boolean;
  /** /readyz answers 503 "busy" when the event loop lagged more than this (READY_MAX_LAG_MS) */
  readyMaxLagMs: number;
  /** export render threads (EXPORT_WORKERS), per-job time limit (EXPORT_TIMEOUT_SECONDS) and heap (EXPORT_MEMORY_MB) */
  exportWorkers: number;
  exportTimeoutSeconds: number;
  exportMemoryMb: number;
  /** bodies from VALIDATION_WORKER_KB up are validated in VALIDATION_WORKERS threads, each check limited by VALIDATION_TIMEOUT_SECONDS and VALIDATION_MEMORY_MB */
  validationWorkerBytes: number;
  validationWorkers: number;
  /** checks waiting for a validation thread beyond which a large save answers 503 (VALIDATION_QUEUE) */
  validationQueue: number;
  validationTimeoutSeconds: number;
  validationMemoryMb: number;
  /** the roll-up of a large COMPILE runs in a thread limited by COMPILE_TIMEOUT_SECONDS and COMPILE_MEMORY_MB */
  compileTimeoutSeconds: number;
  compileMemoryMb: number;
  /** Sign-in attempts per minute per normalised username, and per client address. */
  loginRateLimit: number;
  loginAddressRateLimit: number;
  /** Proxy hops in front of the app whose X-Forwarded-For is believed (0: none, the socket address counts). */
  trustProxyHops: number;
  /** Concurrent argon2 hashes; more wait in a queue of at most `passwordHashQueue`, beyond which 503. */
  passwordHashConcurrency: number;
  passwordHashQueue: number;
  /** Evidence files per submission: how many, and their total size. */
  attachmentsPerSubmission: number;
  attachmentsTotalBytes: number;
  /** Whether /metrics and /api/docs are served. */
  exposeMetrics: boolean;
  exposeApiDocs: boolean;
  signing: SigningConfig;
}

/**
 * PAdES signing: the provider for each unit (by unit code, else the nearest ancestor's, else the
 * default), the provider's settings, and the trust anchors a signature must chain to.
 */
export interface SigningConfig {
  /** `development` | `pkcs12` | `remote-csc` | `browser-token`. */
  defaultProvider: string;
  /** Unit code → provider kind, from SIGNING_PROVIDERS="SO-HY=pkcs12,SO-PT=remote-csc". */
  byUnit: Record<string, string>;
  /**
   * The agency's seal: SIGNING_SEAL_PROVIDER (default) and SIGNING_SEAL_PROVIDERS (unit code → kind, nearest
   * ancestor applies). Neither set: the unit's signing provider seals, except `browser-token` (no seal).
   */
  sealDefault: string | null;
  sealByUnit: Record<string, string>;
  pkcs12: { file: string; password: string } | null;
  csc: { baseUrl: string; accessToken: string; credentialId: string | null; timeoutMs: number } | null;
  /** PEM files of trusted CAs (licensed Vietnamese CAs' roots), from SIGNING_TRUST_ANCHORS (comma-separated paths). */
  trustAnchorsPem: string[];
}

const PROVIDER_KINDS = ['development', 'pkcs12', 'remote-csc', 'browser-token'];

/** "SO-HY=pkcs12,SO-PT=remote-csc" → { 'SO-HY': 'pkcs12', … }; a malformed pair is a problem. */
function unitMap(env: NodeJS.ProcessEnv, name: string, problems: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of (env[name] ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [code, kind] = pair.split('=').map((s) => s.trim());
    if (!code || !kind) problems.push(`${name} không hợp lệ / is invalid: "${pair}" (cần dạng MÃ-ĐƠN-VỊ=loại)`);
    else map[code] = kind;
  }
  return map;
}

/** The seal is the agency's own certificate, held by the server: never the signer's USB token. */
const SEAL_KINDS = PROVIDER_KINDS.filter((k) => k !== 'browser-token');

function signingConfig(env: NodeJS.ProcessEnv, problems: string[]): SigningConfig {
  const defaultProvider = env.SIGNING_PROVIDER?.trim() || 'development';
  const byUnit = unitMap(env, 'SIGNING_PROVIDERS', problems);
  for (const kind of [defaultProvider, ...Object.values(byUnit)])
    if (!PROVIDER_KINDS.includes(kind)) problems.push(`Nhà cung cấp ký số không biết / unknown signing provider: "${kind}" (${PROVIDER_KINDS.join(', ')})`);
  const sealDefault = env.SIGNING_SEAL_PROVIDER?.trim() || null;
  const sealByUnit = unitMap(env, 'SIGNING_SEAL_PROVIDERS', problems);
  const sealKinds = [...(sealDefault ? [sealDefault] : []), ...Object.values(sealByUnit)];
  for (const kind of sealKinds)
    if (!SEAL_KINDS.includes(kind))
      problems.push(
        kind === 'browser-token'
          ? `Dấu cơ quan không đóng bằng USB token trong trình duyệt / browser-token cannot seal: SIGNING_SEAL_PROVIDER(S) cần chứng thư số của cơ quan trên máy chủ (${SEAL_KINDS.join(', ')})`
          : `Nhà cung cấp đóng dấu không biết / unknown seal provider: "${kind}" (${SEAL_KINDS.join(', ')})`,
      );
  const used = new Set([defaultProvider, ...Object.values(byUnit), ...sealKinds]);
  const p12File = env.SIGNING_PKCS12_FILE?.trim();
  if (used.has('pkcs12') && (!p12File || !existsSync(p12File) || env.SIGNING_PKCS12_PASSWORD === undefined))
    problems.push('Ký số pkcs12 cần SIGNING_PKCS12_FILE (tệp tồn tại) và SIGNING_PKCS12_PASSWORD');
  const cscUrl = env.SIGNING_CSC_URL?.trim();
  if (used.has('remote-csc') && (!cscUrl || !env.SIGNING_CSC_TOKEN)) problems.push('Ký số remote-csc cần SIGNING_CSC_URL và SIGNING_CSC_TOKEN');
  const trustAnchorsPem: string[] = [];
  for (const file of (env.SIGNING_TRUST_ANCHORS ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    if (!existsSync(file)) problems.push(`SIGNING_TRUST_ANCHORS: không thấy tệp ${file}`);
    else trustAnchorsPem.push(...(readFileSync(file, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []));
  }
  return {
    defaultProvider,
    byUnit,
    sealDefault,
    sealByUnit,
    pkcs12: p12File ? { file: p12File, password: env.SIGNING_PKCS12_PASSWORD ?? '' } : null,
    csc: cscUrl
      ? { baseUrl: cscUrl, accessToken: env.SIGNING_CSC_TOKEN ?? '', credentialId: env.SIGNING_CSC_CREDENTIAL?.trim() || null, timeoutMs: intSetting(env, 'SIGNING_CSC_TIMEOUT_SECONDS', 120, 5, 600, problems) * 1000 }
      : null,
    trustAnchorsPem,
  };
}

export class ConfigError extends Error {}

export const DEMO_ADMIN_PASSWORD = 'Admin@2026';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl) {
    try {
      const u = new URL(databaseUrl);
      if (!['postgres:', 'postgresql:'].includes(u.protocol)) throw new Error();
    } catch {
      problems.push(
        'DATABASE_URL không hợp lệ / is invalid: cần dạng postgres://user:mật-khẩu@máy-chủ:5432/tên-csdl',
      );
    }
  }
  const port = intSetting(env, 'PORT', 3000, 0, 65535, problems);
  const uploadLimitBytes = intSetting(env, 'UPLOAD_LIMIT_MB', 10, 1, 1024, problems) * 1024 * 1024;
  const jwtTtlSeconds = intSetting(env, 'JWT_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600, problems);
  const readyMaxLagMs = intSetting(env, 'READY_MAX_LAG_MS', 2000, 10, 60_000, problems);
  const pools = poolSettings(env, problems);
  const loginRateLimit = intSetting(env, 'LOGIN_RATE_LIMIT', 10, 1, 1_000_000, problems);
  const loginAddressRateLimit = intSetting(env, 'LOGIN_ADDRESS_RATE_LIMIT', loginRateLimit * 10, 1, 10_000_000, problems);
  const trustProxyHops = intSetting(env, 'TRUST_PROXY_HOPS', 0, 0, 10, problems);
  const passwordHashConcurrency = intSetting(env, 'PASSWORD_HASH_CONCURRENCY', 2, 1, 64, problems);
  const passwordHashQueue = intSetting(env, 'PASSWORD_HASH_QUEUE', 100, 0, 100_000, problems);
  const attachmentsPerSubmission = intSetting(env, 'ATTACHMENTS_PER_SUBMISSION', 30, 1, 10_000, problems);
  const attachmentsTotalBytes = intSetting(env, 'ATTACHMENTS_TOTAL_MB', 100, 1, 100_000, problems) * 1024 * 1024;
  const exposeMetrics = boolSetting(env, 'EXPOSE_METRICS', true, problems);
  const exposeApiDocs = boolSetting(env, 'EXPOSE_API_DOCS', true, problems);
  const dataDir = path.resolve(env.DATA_DIR?.trim() || './.data');
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL không hợp lệ / is invalid: cần dạng smtp://…');
  const adminPassword = env.ADMIN_PASSWORD ?? '';
  const signing = signingConfig(env, problems);
  const weak = adminPassword ? passwordProblem(adminPassword, 'admin') : null;
  if (weak) problems.push(`ADMIN_PASSWORD không đạt / too weak: ${weak}`);
  if (problems.length) throw new ConfigError(problems.join('\n'));

  mkdirSync(dataDir, { recursive: true });
  return {
    databaseUrl,
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir,
    adminPassword: adminPassword || DEMO_ADMIN_PASSWORD,
    adminPasswordIsDefault: !adminPassword,
    jwtSecret: env.JWT_SECRET?.trim() || persistentSecret(dataDir),
    jwtTtlSeconds,
    uploadLimitBytes,
    smtpUrl,
    seedDemo: env.SEED_DEMO !== 'false',
    runJobs: env.RUN_JOBS !== 'false',
    readyMaxLagMs,
    ...pools,
    signing,
    loginRateLimit,
    loginAddressRateLimit,
    trustProxyHops,
    passwordHashConcurrency,
    passwordHashQueue,
    attachmentsPerSubmission,
    attachmentsTotalBytes,
    exposeMetrics,
    exposeApiDocs,
  };
}

/** The worker threads that keep heavy work off the API's event loop (exports, validation, compiles), and their limits. */
function poolSettings(env: NodeJS.ProcessEnv, problems: string[]) {
  const validationWorkers = intSetting(env, 'VALIDATION_WORKERS', Math.max(1, Math.min(2, cpus().length - 1)), 1, 64, problems);
  return {
    exportWorkers: intSetting(env, 'EXPORT_WORKERS', Math.max(1, Math.min(4, cpus().length - 1)), 1, 64, problems),
    exportTimeoutSeconds: intSetting(env, 'EXPORT_TIMEOUT_SECONDS', 120, 1, 3600, problems),
    exportMemoryMb: intSetting(env, 'EXPORT_MEMORY_MB', 1024, 64, 16_384, problems),
    validationWorkerBytes: intSetting(env, 'VALIDATION_WORKER_KB', 64, 0, 1_000_000, problems) * 1024,
    validationWorkers,
    validationQueue: intSetting(env, 'VALIDATION_QUEUE', validationWorkers * 64, 1, 100_000, problems),
    validationTimeoutSeconds: intSetting(env, 'VALIDATION_TIMEOUT_SECONDS', 20, 1, 600, problems),
    validationMemoryMb: intSetting(env, 'VALIDATION_MEMORY_MB', 512, 64, 16_384, problems),
    compileTimeoutSeconds: intSetting(env, 'COMPILE_TIMEOUT_SECONDS', 600, 1, 3600, problems),
    compileMemoryMb: intSetting(env, 'COMPILE_MEMORY_MB', 1024, 16, 16_384, problems),
  };
}

function intSetting(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} không hợp lệ / is invalid: "${raw}" (cần số nguyên từ ${min} đến ${max})`);
    return fallback;
  }
  return n;
}

function boolSetting(env: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  problems.push(`${name} không hợp lệ / is invalid: "${raw}" (cần true hoặc false)`);
  return fallback;
}

/** A secret generated once per installation and kept beside the data, never in the code. */
function persistentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
