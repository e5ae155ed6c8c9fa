import { describe, expect, it } from 'vitest';
import { lintTemplate } from './lint.js';
import type { JsonSchema } from './types.js';
import { getValidator } from './validation.js';

const doc = (schema: JsonSchema) => ({ code: 'thu', version: 1, title: 'Thử', periodKind: 'nam', schema, uiSchema: {}, document: {} });
const lintErrors = (schema: JsonSchema) => lintTemplate(doc(schema)).filter((f) => f.severity === 'error');

describe('getValidator: JSON Schema constructs RJSF renders', () => {
  const byRequired: JsonSchema = {
    type: 'object',
    properties: { hinhThuc: { type: 'string', title: 'Hình thức', enum: ['truc-tiep', 'truc-tuyen'] }, diaDiem: { type: 'string', title: 'Địa điểm' }, duongDan: { type: 'string', title: 'Đường dẫn', format: 'uri' } },
    oneOf: [
      { title: 'Trực tiếp', required: ['diaDiem'] },
      { title: 'Trực tuyến', required: ['duongDan'] },
    ],
  };

  it('a draft saves when oneOf choices differ only by required (they all match the draft shape)', () => {
    const sut = getValidator(byRequired);
    expect(sut.validateDraft({ hinhThuc: 'truc-tiep' })).toEqual([]);
    expect(sut.validateDraft({})).toEqual([]);
    // the shape is still checked in a draft
    expect(sut.validateDraft({ duongDan: 'không phải url' })[0]?.message).toMatch(/Đường dẫn/);
  });

  it('SUBMIT names the choices and the fields each needs, not "Biểu mẫu" alone', () => {
    const sut = getValidator(byRequired);
    const none = sut.validateComplete({ hinhThuc: 'truc-tiep' });
    expect(none.map((e) => e.message).join(' ')).toMatch(/"Trực tiếp" \(cần "Địa điểm"\) hoặc "Trực tuyến" \(cần "Đường dẫn"\)/);
    const both = sut.validateComplete({ diaDiem: 'Hội trường', duongDan: 'https://hop.vn' });
    expect(both.map((e) => e.message).join(' ')).toMatch(/nhiều lựa chọn/);
    expect(sut.validateComplete({ diaDiem: 'Hội trường' })).toEqual([]);
  });

  it('a oneOf told apart by a const names that field', () => {
    const sut = getValidator({
      type: 'object',
      properties: { loai: { title: 'Loại hoạt động', type: 'string' } },
      oneOf: [
        { properties: { loai: { const: 'hoi-thao' }, soNguoi: { type: 'integer', title: 'Số người' } }, required: ['loai'] },
        { properties: { loai: { const: 'tap-huan' }, soLop: { type: 'integer', title: 'Số lớp' } }, required: ['loai'] },
      ],
    });
    const errs = sut.validateComplete({ loai: 'khac' });
    expect(errs.find((e) => e.keyword === 'oneOf')).toMatchObject({ path: '/loai', title: 'Loại hoạt động' });
    expect(errs.find((e) => e.keyword === 'oneOf')!.message).toMatch(/"hoi-thao", "tap-huan"/);
  });

  it("RJSF's dependencies (oneOf inside) save as drafts and name the missing field on SUBMIT", () => {
    const sut = getValidator({
      type: 'object',
      properties: { coKeHoach: { type: 'string', title: 'Có kế hoạch', enum: ['co', 'khong'] } },
      dependencies: {
        coKeHoach: {
          oneOf: [
            { properties: { coKeHoach: { const: 'co' }, soKeHoach: { type: 'string', title: 'Số kế hoạch' } }, required: ['soKeHoach'] },
            { properties: { coKeHoach: { const: 'khong' } } },
          ],
        },
        ghiChu: ['coKeHoach'],
      },
    });
    expect(sut.validateDraft({ coKeHoach: 'co' })).toEqual([]);
    expect(sut.validateDraft({ ghiChu: 'x' })).toEqual([]);
    expect(sut.validateComplete({ coKeHoach: 'co' }).map((e) => e.message).join(' ')).toMatch(/Số kế hoạch/);
  });

  it('keeps the root $id: a bundle whose $refs are relative to it works, twice with the same $id', () => {
    const bundle = (max: number): JsonSchema => ({
      $id: 'https://bdg.example/bundle/root.json',
      type: 'object',
      properties: { truong: { $ref: 'truong.json' } },
      $defs: { truong: { $id: 'truong.json', type: 'object', properties: { soHs: { type: 'integer', title: 'Số học sinh', maximum: max } } } },
    });
    expect(lintErrors(bundle(100))).toEqual([]);
    expect(getValidator(bundle(100)).validateComplete({ truong: { soHs: 50 } })).toEqual([]);
    expect(getValidator(bundle(10)).validateComplete({ truong: { soHs: 50 } })[0]).toMatchObject({ path: '/truong/soHs', title: 'Số học sinh (truong)' });
  });

  it('accepts the data-url format of RJSF files and patternProperties overlapping properties', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { tep: { type: 'string', format: 'data-url', title: 'Tệp minh chứng' }, s_a: { type: 'integer', title: 'A' } },
      patternProperties: { '^s_': { type: 'integer', minimum: 0 } },
    };
    expect(lintErrors(schema)).toEqual([]);
    const sut = getValidator(schema);
    expect(sut.validateDraft({ tep: 'data:text/plain;name=a.txt;base64,SGVsbG8=', s_a: 1, s_b: 2 })).toEqual([]);
    expect(sut.validateDraft({ tep: 'abc' })[0]?.message).toMatch(/Tệp minh chứng/);
    expect(sut.validateDraft({ s_b: -1 })[0]?.message).toMatch(/lớn hơn hoặc bằng 0/);
  });

  it('refuses an unresolvable $ref in Vietnamese', () => {
    const errs = lintErrors({ type: 'object', properties: { a: { $ref: 'https://example.com/khac.json' } } });
    expect(errs[0]?.message).toMatch(/không tìm thấy đích của "\$ref"/);
    expect(errs[0]?.message).not.toMatch(/can't resolve/);
  });
});
