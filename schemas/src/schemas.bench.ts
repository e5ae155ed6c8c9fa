import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import { bench, describe } from 'vitest';
import { dinhKySubmission } from '../test/sample-data.js';
import { CUSTOM_KEYWORDS, applyComputed, createRollUp, getValidator, type TemplateVersionDoc } from './index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'templates');
const doc = JSON.parse(readFileSync(join(dir, 'bdg-vstbpn-dinh-ky.v1.json'), 'utf8')) as TemplateVersionDoc;
const samples = Array.from({ length: 1000 }, (_, i) => dinhKySubmission(i));
const bad = samples.map((s) => ({ ...s, nhanSu: { ...(s.nhanSu as object), tongSoCBGVNV: 'nhiều' } }));

type AjvCtor = typeof Ajv2020Module.default;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: AjvCtor }).default ?? Ajv2020Module) as AjvCtor;
const plain = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
for (const k of CUSTOM_KEYWORDS) plain.addKeyword(k);
const ajvOnly = plain.compile(doc.schema);
const sut = getValidator(doc.schema);
let k = 0;

describe('kiểm tra biểu mẫu 2 (1 lần gọi = 1 bài nộp hợp lệ)', () => {
  bench('AJV trần (allErrors)', () => {
    ajvOnly(samples[k++ % 1000]);
  });
  bench('getValidator().validateComplete', () => {
    sut.validateComplete(samples[k++ % 1000]);
  });
  bench('applyComputed + validateComplete (như mỗi lần lưu)', () => {
    sut.validateComplete(applyComputed(doc.schema, samples[k++ % 1000]));
  });
});

describe('kiểm tra biểu mẫu 2 — bài nộp có lỗi (thêm bản địa hoá)', () => {
  bench('AJV trần (allErrors)', () => {
    ajvOnly(bad[k++ % 1000]);
  });
  bench('getValidator().validateDraft → FieldError tiếng Việt', () => {
    sut.validateDraft(bad[k++ % 1000]);
  });
});

describe('tổng hợp 50.000 bài nộp biểu mẫu 2', () => {
  bench(
    'createRollUp → add × 50.000 → finish (kèm nguồn gốc)',
    () => {
      const r = createRollUp(doc.schema);
      for (let i = 0; i < 50_000; i++) r.add({ unitId: `u${i}`, unitCode: String(i).padStart(6, '0'), unitName: `Trường ${i}`, data: samples[i % 1000] });
      r.finish();
    },
    { iterations: 3, warmupIterations: 1, time: 0 },
  );
});
