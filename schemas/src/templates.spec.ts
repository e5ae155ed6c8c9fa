import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyComputed, createAjv, getValidator, lintTemplate, rollUpSchema, templateVersionSchema, type TemplateVersionDoc } from './index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'templates');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('templates/*.json', () => {
  it('có ít nhất hai biểu mẫu', () => expect(files.length).toBeGreaterThanOrEqual(2));
  describe.each(files)('%s', (file) => {
    const raw = readFileSync(join(dir, file), 'utf8');
    const doc = JSON.parse(raw) as TemplateVersionDoc;
    it('đúng định dạng phiên bản biểu mẫu', () => {
      const v = createAjv().compile(templateVersionSchema);
      expect(v(doc), JSON.stringify(v.errors)).toBe(true);
    });
    it('qua lint không lỗi, không cảnh báo', () => {
      expect(lintTemplate(doc)).toEqual([]);
    });
    it('tên tệp khớp code và version', () => {
      expect(file).toBe(`${doc.code}.v${doc.version}.json`);
    });
    it('đọc rồi ghi lại không đổi', () => {
      expect(JSON.stringify(JSON.parse(raw), null, 2) + '\n').toBe(raw);
    });
    it('biểu mẫu rỗng lưu nháp được nhưng chưa hoàn chỉnh', () => {
      const sut = getValidator(doc.schema);
      expect(sut.validateDraft({})).toEqual([]);
      const errs = sut.validateComplete({});
      expect(errs.length).toBeGreaterThan(0);
      expect(errs.every((e) => e.keyword === 'required')).toBe(true);
    });
    it('schema tổng hợp biên dịch được và qua lint', () => {
      const rs = rollUpSchema(doc.schema);
      expect(() => getValidator(rs)).not.toThrow();
      const findings = lintTemplate({ ...doc, schema: rs }).filter((f) => f.severity === 'error');
      expect(findings).toEqual([]);
    });
    it('trường tính toán chạy trên dữ liệu rỗng', () => {
      expect(() => applyComputed(doc.schema, {})).not.toThrow();
    });
  });
});
