import { describe, expect, it } from 'vitest';
import {
  createNode,
  keyFromTitle,
  modelToSchema,
  schemaToModel,
  type FieldKind,
  type FieldNode,
  type TemplateModel,
} from './field-model';
import { everyKindSchema, everyKindUi } from './fixtures';

function stripIds(fields: FieldNode[]): unknown {
  return fields.map(({ id: _id, children, ...rest }) => ({ ...rest, children: stripIds(children) }));
}
function roundTripModel(model: TemplateModel): TemplateModel {
  const { schema, uiSchema } = modelToSchema(model);
  return schemaToModel(JSON.parse(JSON.stringify(schema)), JSON.parse(JSON.stringify(uiSchema)));
}

describe('schemaToModel / modelToSchema', () => {
  it('reads every field kind', () => {
    const sut = schemaToModel(everyKindSchema, everyKindUi);
    const kinds = Object.fromEntries(sut.fields.flatMap((s) => s.children.map((c) => [c.key, c.kind])));
    expect(kinds).toEqual({
      tongSo: 'integer',
      soNu: 'integer',
      tiLeNu: 'number',
      kinhPhi: 'number',
      coBanVSTBPN: 'boolean',
      tenTruongBan: 'text',
      ketQua: 'longText',
      ngayThanhLap: 'date',
      mucDo: 'choice',
      xepLoai: 'choice',
      hoatDong: 'table',
      minhChung: 'file',
      khac: 'number',
      khongKieu: 'text',
    });
    const I = sut.fields[0]!;
    expect(I.kind).toBe('section');
    expect(I.children.find((c) => c.key === 'soNu')).toMatchObject({
      required: true,
      minimum: 0,
      maximum: 10000,
      aggregate: 'sum',
      unit: 'người',
    });
    const table = sut.fields[1]!.children.find((c) => c.key === 'hoatDong')!;
    expect(table.children.map((c) => c.key)).toEqual(['loai', 'soLuot', 'ghiChu']);
    expect(table.children[0]!.required).toBe(true);
    expect(table.children[2]!.kind).toBe('longText');
  });

  it('JSON → visual → JSON is unchanged (schema and uiSchema)', () => {
    const { schema, uiSchema } = modelToSchema(schemaToModel(everyKindSchema, everyKindUi));
    expect(schema).toEqual(everyKindSchema);
    expect(uiSchema).toEqual(everyKindUi);
  });

  it('keeps a required name that has no property', () => {
    const s = { type: 'object', required: ['ghost'], properties: { a: { type: 'string' } } };
    expect(modelToSchema(schemaToModel(s)).schema).toEqual(s);
  });

  const kinds: FieldKind[] = [
    'section',
    'text',
    'longText',
    'number',
    'integer',
    'boolean',
    'date',
    'choice',
    'table',
    'file',
  ];
  it.each(kinds)('visual → JSON → visual is lossless for a %s edited in the builder', (kind) => {
    const node = createNode(kind, []);
    const edited: FieldNode = {
      ...node,
      key: 'x',
      title: 'Tiêu đề',
      description: 'Mô tả',
      required: true,
    };
    if (kind === 'number' || kind === 'integer')
      Object.assign(edited, { minimum: 0, maximum: 100, unit: '%', aggregate: 'sum', computed: 'a + 1' });
    if (kind === 'text' || kind === 'longText')
      Object.assign(edited, { minLength: 1, maxLength: 500, aggregate: 'concat' });
    if (kind === 'boolean') Object.assign(edited, { aggregate: 'countTrue' });
    if (kind === 'date') Object.assign(edited, { aggregate: 'min' });
    if (kind === 'choice')
      Object.assign(edited, {
        choices: [
          { value: 'a', label: 'A thường' },
          { value: 'b', label: 'B' },
        ],
      });
    if (kind === 'table') Object.assign(edited, { minItems: 1, maxItems: 9, aggregate: { groupBy: 'ten' } });
    if (kind === 'file') Object.assign(edited, { maxItems: 3 });
    if (kind === 'section')
      edited.children = [
        {
          ...createNode('number', []),
          key: 'n',
          aggregate: { ratio: { numerator: '/x/n', denominator: '/x/n', scale: 100 } },
        },
      ];
    const model: TemplateModel = { rootExtra: { title: 'T' }, rootUi: {}, fields: [edited] };
    const back = roundTripModel(model);
    expect(stripIds(back.fields)).toEqual(stripIds(model.fields));
    expect(back.rootExtra).toEqual({ title: 'T', type: 'object' });
  });

  it('choices whose labels equal their values stay an enum; labelled ones become oneOf', () => {
    const base = createNode('choice', []);
    const plain = { ...base, choiceStyle: 'enum' as const, choices: [{ value: 'Có', label: 'Có' }] };
    expect(modelToSchema({ rootExtra: {}, rootUi: {}, fields: [plain] }).schema.properties).toMatchObject({
      [base.key]: { enum: ['Có'] },
    });
    const labelled = { ...plain, choices: [{ value: 'co', label: 'Có' }] };
    expect(modelToSchema({ rootExtra: {}, rootUi: {}, fields: [labelled] }).schema.properties).toMatchObject({
      [base.key]: { oneOf: [{ const: 'co', title: 'Có' }] },
    });
  });

  it('long text is a textarea in the uiSchema, nothing in the schema', () => {
    const n = { ...createNode('longText', []), key: 'nd' };
    const out = modelToSchema({ rootExtra: {}, rootUi: {}, fields: [n] });
    expect(out.schema.properties).toEqual({ nd: { type: 'string', title: 'Câu hỏi mới' } });
    expect(out.uiSchema).toEqual({ nd: { 'ui:widget': 'textarea' } });
  });
});

describe('keyFromTitle', () => {
  it.each([
    ['Tổng số nữ', 'tongSoNu'],
    ['Đảng viên', 'dangVien'],
    ['1. Số lớp', '_1SoLop'],
    ['', 'truong'],
  ])('%s → %s', (title, key) => expect(keyFromTitle(title)).toBe(key));
});
