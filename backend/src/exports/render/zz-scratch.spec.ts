import { writeFileSync, readFileSync } from 'node:fs';
import { it } from 'vitest';
import { buildDocumentModel, renderDocx, renderPdf, renderXlsx } from './index.js';
const t = JSON.parse(readFileSync(new URL('./__fixtures__/truong-bdg.template.json', import.meta.url), 'utf8'));
const data = JSON.parse(readFileSync(new URL('./__fixtures__/truong-bdg.data.json', import.meta.url), 'utf8'));
it('scratch', async () => {
  const input = { template: t, data, unit: { name: 'Trường THCS Đông Tảo', parentName: 'Phòng GD&ĐT Khoái Châu', code: 'thcs-dong-tao' }, place: 'Khoái Châu', date: new Date('2020-05-12T03:00:00Z'), number: null, signer: { fullName: 'Nguyễn Thị Hương', title: 'Hiệu trưởng' }, draft: true, signatureHash: null };
  const m = buildDocumentModel(input);
  console.log(JSON.stringify(m, null, 1).slice(0, 6000));
  writeFileSync('/tmp/rtest/out.docx', await renderDocx(input));
  writeFileSync('/tmp/rtest/out.pdf', await renderPdf(input));
  writeFileSync('/tmp/rtest/out.xlsx', await renderXlsx({ title: t.title, schema: t.schema, uiSchema: t.uiSchema, data }));
});
