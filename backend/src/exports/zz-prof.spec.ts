import { createRollUp, rollUpSchema, type JsonSchema } from '@bdg/schemas';
import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import PdfPrinter from 'pdfmake';
import { khoaiChauReport } from '../test-support/khoai-chau-data.js';
import { buildDocumentModel, pdfFont } from './render/index.js';
import { pdfDefinition } from './render/pdf.renderer.js';

it('prof', async () => {
  const t = JSON.parse(readFileSync(new URL('../../../schemas/templates/khoai-chau-bdg-2016-2020.v1.json', import.meta.url), 'utf8'));
  const r = createRollUp(t.schema as JsonSchema);
  for (let i = 0; i < 1200; i++) r.add({ unitId: 'u' + i, unitCode: 'C' + i, unitName: 'Trường Tiểu học số ' + i, compiled: false, data: khoaiChauReport('Trường số ' + i, { total: 30, women: 20, managers: 3, womenManagers: 1 }) });
  const res = r.finish();
  const m = buildDocumentModel({ template: { ...t, schema: rollUpSchema(t.schema) }, data: res.data, unit: { name: 'Sở', parentName: 'UBND', code: 'SO' }, date: new Date(), draft: false, place: 'HY' });
  for (const withPbb of [false, true]) {
    const def = pdfDefinition(m);
    if (!withPbb) delete (def as { pageBreakBefore?: unknown }).pageBreakBefore;
    const font = pdfFont();
    const t0 = performance.now();
    const doc = new PdfPrinter({ [font.family]: font.faces }).createPdfKitDocument(def);
    const pages = await new Promise<number>((res2) => { let n = 0; doc.on('data', () => {}); doc.on('end', () => res2(n)); doc.end(); });
    console.log('PBB', withPbb, Math.round(performance.now() - t0), pages);
  }
}, 200000);
