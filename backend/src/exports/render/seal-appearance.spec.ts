import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_BYTES, signPlaceholder } from '../../signing/pades/pdf-sign.js';
import { verifyPdfSignatures } from '../../signing/pades/verify.js';
import { DevelopmentProvider } from '../../signing/providers/development.provider.js';
import { pdfsig } from '../../signing/testing/independent-verifiers.js';
import { png } from '../../test-support/png.js';
import { redPixels } from '../../test-support/red-pixels.js';
import { renderPdfFor } from '../pdf-large.js';
import { input } from './__fixtures__/render-input.js';
import { buildDocumentModel } from './document-model.js';
import { laterSealPlaceholder, SEAL_PT, sealRect } from './seal-appearance.js';

const AT = new Date(Math.floor(Date.now() / 1000) * 1000);
const dir = mkdtempSync(path.join(tmpdir(), 'later-seal-'));
const placeholder = { name: 'Truong THCS Dong Tao', reason: `Dong dau co quan; ma kiem tra toan ven ${'b'.repeat(64)}`, location: 'Dong Tao', signingTime: AT, signatureLength: SIGNATURE_BYTES };

describe('a seal applied later than the head’s signature: drawn in its own incremental update', () => {
  let dev: DevelopmentProvider;
  let signed: Buffer;
  let field: { page: number; rect: [number, number, number, number] };

  beforeAll(async () => {
    dev = await DevelopmentProvider.create(dir);
    // The head signs (generated blue frame, not test-only so that nothing on the page is red yet).
    const model = buildDocumentModel(
      input({ digitalSignature: { signerName: 'Nguyễn Thị Hương', signedAt: '2026-11-28T10:15:00+07:00', testOnly: false, position: 'Hiệu trưởng', unitName: 'Trường THCS Đông Tảo', imagePng: null } }),
    );
    const r = await renderPdfFor(model, { signatureField: { name: 'Nguyen Thi Huong', reason: 'Ky ban hanh', location: 'Dong Tao', signingTime: AT, signatureLength: SIGNATURE_BYTES } });
    field = r.field!;
    signed = await signPlaceholder(r.pdf, await dev.open({ purpose: 'signer', name: 'Nguyễn Thị Hương', unitName: 'Trường THCS Đông Tảo' }), AT);
  }, 60_000);

  it.each([
    ['the generated red ring', null],
    ['the uploaded seal image', png(120, 120, 6, [200, 0, 0, 230]).toString('base64')],
  ])('%s: both signatures valid (pdfsig and the product), the seal red on the page over the signer block', async (label, image) => {
    const seal = { agencyName: 'Trường THCS Đông Tảo', imagePng: image, signedAt: '2026-11-29T08:00:00+07:00', testOnly: true };
    const prepared = await laterSealPlaceholder(signed, seal, placeholder);
    // An incremental update: the signed revision is untouched, byte for byte.
    expect(prepared.subarray(0, signed.length)).toEqual(signed);
    const sealed = await signPlaceholder(prepared, await dev.open({ purpose: 'seal', name: 'Trường THCS Đông Tảo', unitName: 'Trường THCS Đông Tảo' }), AT);
    writeFileSync(path.join(dir, `${image ? 'image' : 'ring'}.pdf`), sealed);
    expect(pdfsig(sealed)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    expect(verifyPdfSignatures(sealed, [], [dev.caCertPem]).map((s) => [s.valid, s.covers.wholeDocument])).toEqual([
      [true, false],
      [true, true],
    ]);
    // The seal's widget sits over the left third of the signer's, at the seal's actual size.
    const rect = sealRect(field.rect);
    expect(sealed.toString('latin1')).toMatch(new RegExp(`/Rect \\[ ${rect.map(String).join(' ')} \\]`));
    expect(rect[2] - rect[0]).toBeCloseTo(SEAL_PT, 1);
    expect(rect[0]).toBeLessThan(field.rect[0]);
    const page = field.page + 1;
    expect(redPixels(signed, page, rect), `${label}: nothing red before the seal`).toBe(0);
    expect(redPixels(sealed, page, rect), `${label}: the seal drawn red`).toBeGreaterThan(image ? 5000 : 300);
  }, 60_000);
});
