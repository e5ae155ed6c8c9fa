import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_BYTES, signPlaceholder } from '../../signing/pades/pdf-sign.js';
import { DevelopmentProvider } from '../../signing/providers/development.provider.js';
import { pdfsig } from '../../signing/testing/independent-verifiers.js';
import { renderPdfFor } from '../pdf-large.js';
import { input } from './__fixtures__/render-input.js';
import { buildDocumentModel } from './document-model.js';
import { SIGNATURE_MARK_URI } from './pdf.renderer.js';

const AT = new Date(Math.floor(Date.now() / 1000) * 1000);
const dir = mkdtempSync(path.join(tmpdir(), 'sigfield-'));
/** A 1×1 transparent PNG stands in for an uploaded signature image. */
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('printPdf: the data file inside the PDF and the signature field on the signer block', () => {
  let dev: DevelopmentProvider;
  beforeAll(async () => {
    dev = await DevelopmentProvider.create(dir);
  }, 60_000);

  it.each([
    ['the generated appearance', null],
    ['an uploaded signature image, with the seal', PNG_1PX],
  ])('%s: signed PDF valid for pdfsig, widget on the signer block, data file extractable', async (_label, image) => {
    const model = buildDocumentModel(
      input({
        digitalSignature: { signerName: 'Nguyễn Thị Hương', signedAt: '2026-11-28T10:15:00+07:00', testOnly: true, position: 'Hiệu trưởng', unitName: 'Trường THCS Đông Tảo', imagePng: image, seal: image ? { agencyName: 'Trường THCS Đông Tảo', imagePng: null } : null },
      }),
    );
    expect(model.signature.digital?.lines).toContain('Ký bởi: Nguyễn Thị Hương');
    const json = Buffer.from(JSON.stringify({ data: { a: 1, ten: 'Đông Tảo' } }));
    const { pdf, field } = await renderPdfFor(model, {
      attachments: [{ name: 'du-lieu-bao-cao.json', mimeType: 'application/json', description: 'Dữ liệu báo cáo', content: json }],
      signatureField: { name: 'Nguyen Thi Huong', reason: 'Ky ban hanh', location: 'Dong Tao', signingTime: AT, signatureLength: SIGNATURE_BYTES },
    });
    expect(field).not.toBeNull();
    const signed = await signPlaceholder(pdf, await dev.open({ purpose: 'signer', name: 'Nguyễn Thị Hương', unitName: 'Trường THCS Đông Tảo' }), AT);
    const file = path.join(dir, `signed-${image ? 'img' : 'gen'}.pdf`);
    writeFileSync(file, signed);
    expect(pdfsig(signed)).toEqual(['Signature is Valid.']);
    // The widget's rectangle is where the appearance text is (pdftotext -bbox), on the same page.
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(field!.page + 1), '-l', String(field!.page + 1), file, '-'], { encoding: 'utf8' });
    const word = /<page width="([\d.]+)" height="([\d.]+)">[\s\S]*?<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">Ký<\/word>\s*<word[^>]*>bởi:/.exec(bbox);
    expect(word, 'the appearance says "Ký bởi:" on the widget\'s page').not.toBeNull();
    const [x, yTop] = [Number(word![3]), Number(word![2]) - Number(word![4])];
    const [x1, y1, x2, y2] = field!.rect;
    expect(x).toBeGreaterThanOrEqual(x1);
    expect(x).toBeLessThanOrEqual(x2);
    expect(yTop).toBeGreaterThanOrEqual(y1);
    expect(yTop).toBeLessThanOrEqual(y2);
    expect(signed.toString('latin1')).toMatch(new RegExp(`/Rect \\[\\s*${x1} ${y1} ${x2} ${y2}\\s*\\]`));
    // The renderer's mark (a link annotation) made way for the widget.
    expect(signed.toString('latin1')).not.toContain(SIGNATURE_MARK_URI);
    // pdfdetach lists and saves the data file; its bytes are the ones attached.
    expect(execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' })).toContain('du-lieu-bao-cao.json');
    const out = path.join(dir, `out-${image ? 'img' : 'gen'}.json`);
    execFileSync('pdfdetach', ['-save', '1', '-o', out, file]);
    expect(readFileSync(out)).toEqual(json);
  }, 60_000);
});
