import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dinhKySubmission } from '../test/sample-data.js';
import { applyComputed, createAjv, rollUp, getValidator, lintTemplate, rollUpSchema, templateVersionSchema, type TemplateVersionDoc } from './index.js';

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
    it('lời dẫn không nêu tên đơn vị mẫu (Khoái Châu, PGDĐT, một trường cụ thể)', () => {
      const hints: string[] = [];
      const walk = (x: unknown): void => {
        if (Array.isArray(x)) x.forEach(walk);
        else if (x && typeof x === 'object')
          for (const [k, v] of Object.entries(x)) {
            if (typeof v === 'string' && ['description', 'ui:help', 'ui:placeholder', 'ui:description'].includes(k)) hints.push(v);
            walk(v);
          }
      };
      walk(doc);
      const demo = /Khoái Châu|PGDĐT|PGD&ĐT|Trường (Tiểu học|THCS|THPT|Mầm non|TH) [A-ZĐ]/u;
      expect(hints.filter((h) => demo.test(h))).toEqual([]);
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

describe('bdg-vstbpn-dinh-ky: bài nộp mẫu và tổng hợp', () => {
  const doc = JSON.parse(readFileSync(join(dir, 'bdg-vstbpn-dinh-ky.v1.json'), 'utf8')) as TemplateVersionDoc;
  it('bài nộp mẫu đầy đủ hợp lệ; trường tính toán khớp', () => {
    const sut = getValidator(doc.schema);
    for (let i = 0; i < 20; i++) {
      const data = applyComputed(doc.schema, dinhKySubmission(i));
      expect(sut.validateComplete(data)).toEqual([]);
      expect(data).toEqual(JSON.parse(JSON.stringify(dinhKySubmission(i))));
    }
  });
  it('báo cáo tổng hợp hợp lệ với schema tổng hợp (chế độ hoàn chỉnh, trừ phần văn bản tự nhập)', () => {
    const r = rollUp(
      doc.schema,
      Array.from({ length: 30 }, (_, i) => ({ unitId: `u${i}`, unitCode: `T${String(i).padStart(3, '0')}`, unitName: `Trường ${i}`, data: dinhKySubmission(i) })),
    );
    const data = { ...(r.data as object), vanBan: { soVanBan: '5', ngayBanHanh: '2024-06-01', nguoiKy: 'Trần Văn B' } };
    expect(getValidator(rollUpSchema(doc.schema)).validateComplete(data)).toEqual([]);
    const ns = (r.data as { nhanSu: Record<string, number> }).nhanSu;
    expect(ns.tyLeNuCBGVNV).toBeCloseTo((ns.soNuCBGVNV! / ns.tongSoCBGVNV!) * 100, 10);
  });
});

describe('lintTemplate and the document section', () => {
  it('warns, but does not refuse, when the official document layout is missing parts', async () => {
    const { lintTemplate } = await import('./lint.js');
    const findings = lintTemplate({
      code: 'mau-toi-gian',
      version: 1,
      title: 'Mẫu tối giản',
      periodKind: 'nam',
      schema: { type: 'object', properties: { a: { type: 'integer', title: 'Số A', 'x-aggregate': 'sum' } } },
      uiSchema: {},
      document: {},
    });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.path.startsWith('/document/')).map((f) => f.severity)).toContain('warning');
    expect(findings.find((f) => f.path === '/document/subject')?.message).toMatch(/mặc định/);
  });
});
