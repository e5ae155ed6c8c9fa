import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { SigningProvidersService } from './signing-providers.service.js';

const DATA_DIR = mkdtempSync(path.join(tmpdir(), 'bdg-seal-'));
const CSC = { SIGNING_CSC_URL: 'https://csc.example.vn', SIGNING_CSC_TOKEN: 't' };
const service = (env: Record<string, string>) => new SigningProvidersService(loadConfig({ DATA_DIR, ...CSC, ...env }));
const sealKind = async (s: SigningProvidersService, codes: string[]) => (await s.sealForUnit(codes))?.kind ?? null;

describe('SigningProvidersService.sealForUnit', () => {
  it('none configured: the unit’s signing provider seals, except a USB token (no seal)', async () => {
    const s = service({ SIGNING_PROVIDER: 'remote-csc', SIGNING_PROVIDERS: 'PGD-KC=browser-token' });
    expect(await sealKind(s, ['KC-TH-TAN-DAN', 'PGD-KC', 'SO-HY'])).toBeNull();
    expect(await sealKind(s, ['PGD-VG', 'SO-HY'])).toBe('remote-csc');
  });

  it('SIGNING_SEAL_PROVIDERS: the unit’s own code, else its nearest ancestor’s, else SIGNING_SEAL_PROVIDER', async () => {
    const s = service({ SIGNING_PROVIDER: 'browser-token', SIGNING_SEAL_PROVIDERS: 'PGD-KC=remote-csc' });
    expect(await sealKind(s, ['KC-TH-TAN-DAN', 'PGD-KC', 'SO-HY'])).toBe('remote-csc');
    expect(await sealKind(s, ['PGD-VG', 'SO-HY'])).toBeNull(); // no seal setting applies: a USB token seals nothing
    const withDefault = service({ SIGNING_PROVIDER: 'browser-token', SIGNING_SEAL_PROVIDER: 'remote-csc', SIGNING_SEAL_PROVIDERS: 'PGD-KC=remote-csc' });
    expect(await sealKind(withDefault, ['PGD-VG', 'SO-HY'])).toBe('remote-csc');
    // The signer's provider is unchanged by the seal's.
    expect((await withDefault.forUnit(['PGD-KC', 'SO-HY'])).kind).toBe('browser-token');
  });
});
