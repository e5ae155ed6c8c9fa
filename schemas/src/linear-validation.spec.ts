import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ITEMS, DEFAULT_MAX_LENGTH, LIMIT_ENUM_VALUES, LIMIT_MAX_ITEMS, LIMIT_TOTAL_ROWS, withDefaultBounds } from './bounds.js';
import { getValidator, lintTemplate, rollUpSchema, type JsonSchema } from './index.js';

const ms = (f: () => unknown): { took: number; value: unknown } => {
  const t = performance.now();
  const value = f();
  return { took: performance.now() - t, value };
};

const table = (extra: Record<string, unknown> = {}): JsonSchema => ({
  type: 'object',
  properties: {
    bang: {
      type: 'array',
      title: 'Bảng chỉ tiêu',
      maxItems: 50,
      uniqueItems: true,
      items: { type: 'object', properties: { ma: { type: 'string', title: 'Mã', maxLength: 20 }, so: { type: 'integer' } } },
    },
    ma: { type: 'string', title: 'Mã hồ sơ', maxLength: 100, pattern: '^(a+)+$' },
    loai: { enum: Array.from({ length: LIMIT_ENUM_VALUES }, (_, i) => `loai-${i}`), title: 'Loại' },
    ...extra,
  },
});

describe('validation cost is linear in the input', () => {
  const sut = getValidator(table());

  it('16,000 rows against maxItems 50 + uniqueItems: only the maxItems error, in milliseconds', () => {
    const rows = Array.from({ length: 16_000 }, (_, i) => ({ ma: 'x', so: i })); // all distinct: the pairwise worst case
    const { took, value } = ms(() => sut.validateDraft({ bang: rows }));
    expect(value).toEqual([expect.objectContaining({ path: '/bang', keyword: 'maxItems', message: 'Bảng "Bảng chỉ tiêu" không được có quá 50 dòng.' })]);
    expect(took).toBeLessThan(500);
  });

  it('uniqueItems by hashing canonical JSON: key order does not hide a duplicate, 1 equals 1.0', () => {
    const errs = sut.validateDraft({ bang: [{ ma: 'a', so: 1 }, { ma: 'b', so: 2 }, { so: 1.0, ma: 'a' }] });
    expect(errs).toEqual([expect.objectContaining({ path: '/bang', keyword: 'uniqueItems', message: 'Bảng "Bảng chỉ tiêu" có dòng 1 và dòng 3 trùng nhau.' })]);
    expect(sut.validateDraft({ bang: [{ ma: 'a', so: 1 }, { ma: 'a', so: 2 }] })).toEqual([]);
  });

  it('uniqueItems at the full maxItems of a large table stays fast (no pairwise check)', () => {
    const big = getValidator({ type: 'array', maxItems: LIMIT_MAX_ITEMS, uniqueItems: true, items: { type: 'object', properties: { a: { type: 'integer' } } } });
    const rows = Array.from({ length: LIMIT_MAX_ITEMS }, (_, i) => ({ a: i }));
    const { took, value } = ms(() => big.validateDraft(rows));
    expect(value).toEqual([]);
    expect(took).toBeLessThan(500);
  });

  it('pattern ^(a+)+$ against 50 × "a" + "!" runs on RE2: refused at once', () => {
    const { took, value } = ms(() => sut.validateDraft({ ma: 'a'.repeat(50) + '!' }));
    expect(value).toEqual([expect.objectContaining({ path: '/ma', keyword: 'pattern' })]);
    expect(took).toBeLessThan(200);
    expect(sut.validateDraft({ ma: 'aaaa' })).toEqual([]);
  });

  it('patternProperties go through the same engine', () => {
    const v = getValidator({ type: 'object', maxProperties: 10, patternProperties: { '^(a+)+$': { type: 'integer' } }, additionalProperties: false });
    const { took, value } = ms(() => v.validateDraft({ ['a'.repeat(50) + '!']: 1, aaa: 2 }));
    expect((value as { keyword: string }[]).map((e) => e.keyword)).toEqual(['additionalProperties']);
    expect(took).toBeLessThan(200);
  });

  it('enum of 2,000 values checked by lookup, with the usual Vietnamese message', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => ({ loai: `loai-${i % LIMIT_ENUM_VALUES}` }));
    const v = getValidator({ type: 'array', maxItems: 10_000, items: table().properties!.loai! });
    const { took } = ms(() => v.validateDraft(values.map((x) => x.loai)));
    expect(took).toBeLessThan(500);
    expect(sut.validateDraft({ loai: 'khác' })).toEqual([expect.objectContaining({ keyword: 'enum', message: 'Trường "Loại" phải là một giá trị trong danh sách cho phép.' })]);
  });

  it('product defaults bound arrays and strings that declare none (not the roll-up of a compiled report)', () => {
    const open: JsonSchema = { type: 'object', properties: { t: { type: 'array', items: { type: 'string' } } } };
    const v = getValidator(open);
    expect(v.validateDraft({ t: Array.from({ length: DEFAULT_MAX_ITEMS + 1 }, () => 'x') })[0]?.keyword).toBe('maxItems');
    expect(v.validateDraft({ t: ['x'.repeat(DEFAULT_MAX_LENGTH + 1)] })[0]?.keyword).toBe('maxLength');
    const bounded = withDefaultBounds(open) as { properties: { t: { maxItems: number; items: { maxLength: number } } } };
    expect(bounded.properties.t.maxItems).toBe(DEFAULT_MAX_ITEMS);
    expect(bounded.properties.t.items.maxLength).toBe(DEFAULT_MAX_LENGTH);
    const rolled = withDefaultBounds(rollUpSchema(open)) as { properties: { t: Record<string, unknown> } };
    expect(rolled.properties.t.maxItems).toBeUndefined();
  });
});

describe('lint demands bounds and linear patterns', () => {
  const doc = (props: Record<string, unknown>) => ({
    code: 'x',
    version: 1,
    title: 'X',
    schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: props },
    uiSchema: {},
  });
  const findings = (props: Record<string, unknown>) => lintTemplate(doc(props)).filter((f) => f.path.startsWith('/schema'));

  it.each([
    ['backreference', '^(a)\\1$'],
    ['lookahead', '^(?=a)a$'],
    ['lookbehind', '(?<!x)a'],
  ])('refuses a pattern RE2 cannot run (%s), naming the field by its title', (_n, pattern) => {
    const f = findings({ ma: { type: 'string', title: 'Mã định danh', maxLength: 10, pattern, 'x-aggregate': 'none' } });
    expect(f).toContainEqual(expect.objectContaining({ severity: 'error', path: '/schema/properties/ma/pattern', message: expect.stringMatching(/^Mẫu kiểm tra \(pattern\) ".*" của "Mã định danh" không chạy được bằng bộ kiểm tra thời gian tuyến tính \(RE2\)/) }));
  });

  it('accepts ^(a+)+$ (RE2 runs it in linear time)', () => {
    expect(findings({ ma: { type: 'string', title: 'Mã', maxLength: 10, pattern: '^(a+)+$', 'x-aggregate': 'none' } }).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('warns of the product default where an array or a string has no bound', () => {
    const f = findings({ t: { type: 'array', title: 'Danh sách', 'x-aggregate': 'concat', items: { type: 'string', title: 'Dòng', 'x-aggregate': 'none' } } });
    expect(f.map((x) => [x.severity, x.message])).toEqual(
      expect.arrayContaining([
        ['warning', 'Bảng "Danh sách" chưa khai báo số dòng tối đa (maxItems): áp dụng mặc định 500 dòng.'],
        ['warning', 'Trường "dòng (Danh sách)" chưa khai báo độ dài tối đa (maxLength): áp dụng mặc định 2.000 ký tự.'],
      ]),
    );
  });

  it('refuses bounds above the ceilings, the nested row product and huge enums', () => {
    const f = findings({
      t: { type: 'array', title: 'Bảng lớn', maxItems: LIMIT_MAX_ITEMS + 1, items: { type: 'integer' } },
      s: { type: 'string', title: 'Văn bản dài', maxLength: 10_000_000 },
      n: { type: 'array', title: 'Ngoài', maxItems: 1000, items: { type: 'object', properties: { c: { type: 'array', title: 'Trong', maxItems: 1000, items: { type: 'integer' } } } } },
      e: { title: 'Danh mục', enum: Array.from({ length: LIMIT_ENUM_VALUES + 1 }, (_, i) => i) },
    }).filter((x) => x.severity === 'error');
    expect(f.map((x) => x.message)).toEqual(
      expect.arrayContaining([
        'Bảng "Bảng lớn" cho phép 5.001 dòng, vượt giới hạn 5.000 dòng.',
        'Trường "Văn bản dài" cho phép 10.000.000 ký tự, vượt giới hạn 50.000 ký tự.',
        `Bảng "Trong (Ngoài › dòng)" lồng trong bảng khác có thể tới 1.000.000 dòng, vượt giới hạn ${LIMIT_TOTAL_ROWS.toLocaleString('vi-VN')} dòng cho cả biểu mẫu; hãy giảm maxItems.`,
        'Danh sách giá trị của "Danh mục" có 2.001 mục, vượt giới hạn 2.000 mục.',
      ]),
    );
  });
});
