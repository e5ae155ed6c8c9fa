/** Independent verifiers from Debian, for tests: poppler's pdfsig and `openssl cms -verify`. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** pdfsig's "Signature Validation" line per signature, e.g. "Signature is Valid." */
export function pdfsig(pdf: Buffer): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdfsig-'));
  const file = path.join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  const r = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return [...(r.stdout ?? '').matchAll(/Signature Validation: (.+)/g)].map((m) => m[1]!.trim());
}

/** `openssl cms -verify` of each signature over its byte range, against `caPem`; true when it verifies. */
export function opensslVerifyAll(pdf: Buffer, caPem: string): boolean[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'cms-'));
  const ca = path.join(dir, 'ca.pem');
  writeFileSync(ca, caPem);
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/ByteRange\s*\[(\d+) (\d+) (\d+) (\d+)\]/g)].map((m, i) => {
    const [a, b, c, d] = m.slice(1).map(Number) as [number, number, number, number];
    const content = path.join(dir, `c${i}.bin`);
    const sig = path.join(dir, `s${i}.der`);
    writeFileSync(content, Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]));
    const hex = text.slice(b + 1, c - 1).replace(/(00)+$/, '');
    writeFileSync(sig, Buffer.from(hex.length % 2 ? hex + '0' : hex, 'hex'));
    try {
      execFileSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', sig, '-content', content, '-CAfile', ca, '-purpose', 'any', '-out', '/dev/null'], { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  });
}
