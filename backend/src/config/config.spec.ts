import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const DATA_DIR = mkdtempSync(path.join(tmpdir(), 'bdg-config-'));
const load = (env: Record<string, string>) => loadConfig({ DATA_DIR, ...env });

describe(loadConfig.name, () => {
  it('has the documented defaults for sign-in, quotas and exposure', () => {
    expect(load({})).toMatchObject({
      loginRateLimit: 10,
      loginAddressRateLimit: 100,
      trustProxyHops: 0,
      passwordHashConcurrency: 2,
      passwordHashQueue: 100,
      uploadLimitBytes: 10 * 1024 * 1024,
      attachmentsPerSubmission: 30,
      attachmentsTotalBytes: 100 * 1024 * 1024,
      exposeMetrics: true,
      exposeApiDocs: true,
    });
  });

  it.each([
    [{ TRUST_PROXY_HOPS: 'true' }, /TRUST_PROXY_HOPS không hợp lệ/],
    [{ TRUST_PROXY_HOPS: '-1' }, /TRUST_PROXY_HOPS không hợp lệ/],
    [{ ATTACHMENTS_PER_SUBMISSION: '0' }, /ATTACHMENTS_PER_SUBMISSION không hợp lệ/],
    [{ EXPOSE_API_DOCS: 'có' }, /EXPOSE_API_DOCS không hợp lệ/],
    [{ ADMIN_PASSWORD: 'Admin@26' }, /ADMIN_PASSWORD không đạt \/ too weak: Mật khẩu cần ít nhất 10 ký tự/],
    [{ ADMIN_PASSWORD: 'password123' }, /ADMIN_PASSWORD không đạt \/ too weak: Mật khẩu quá phổ biến/],
  ])('refuses %j at start with a readable line', (env, message) => {
    expect(() => load(env)).toThrow(message);
  });

  it('reads the seal providers apart from the signers’: a default and a unit-code map; none set, none read', () => {
    expect(load({}).signing).toMatchObject({ sealDefault: null, sealByUnit: {} });
    const cfg = load({ SIGNING_PROVIDERS: 'SO-HY=browser-token', SIGNING_SEAL_PROVIDER: 'development', SIGNING_SEAL_PROVIDERS: ' SO-HY = remote-csc ,PGD-KC=development', SIGNING_CSC_URL: 'https://csc.example.vn', SIGNING_CSC_TOKEN: 't' });
    expect(cfg.signing).toMatchObject({ byUnit: { 'SO-HY': 'browser-token' }, sealDefault: 'development', sealByUnit: { 'SO-HY': 'remote-csc', 'PGD-KC': 'development' } });
  });

  it.each([
    [{ SIGNING_SEAL_PROVIDER: 'browser-token' }, /Dấu cơ quan không đóng bằng USB token .* browser-token cannot seal/],
    [{ SIGNING_SEAL_PROVIDERS: 'SO-HY=browser-token' }, /browser-token cannot seal/],
    [{ SIGNING_SEAL_PROVIDERS: 'SO-HY=hsm' }, /unknown seal provider: "hsm" \(development, pkcs12, remote-csc\)/],
    [{ SIGNING_SEAL_PROVIDERS: 'SO-HY' }, /SIGNING_SEAL_PROVIDERS không hợp lệ \/ is invalid: "SO-HY"/],
    [{ SIGNING_SEAL_PROVIDERS: 'SO-HY=pkcs12' }, /Ký số pkcs12 cần SIGNING_PKCS12_FILE/],
    [{ SIGNING_SEAL_PROVIDER: 'remote-csc' }, /Ký số remote-csc cần SIGNING_CSC_URL/],
  ])('refuses the seal setting %j at start', (env, message) => {
    expect(() => load(env)).toThrow(message);
  });

  it('reads the docker-compose settings', () => {
    expect(load({ TRUST_PROXY_HOPS: '1', EXPOSE_METRICS: 'false', EXPOSE_API_DOCS: 'false' })).toMatchObject({
      trustProxyHops: 1,
      exposeMetrics: false,
      exposeApiDocs: false,
    });
  });
});
