import { describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_BYTES, parseTemplateText } from './raw-json';

describe('parseTemplateText', () => {
  const good = { type: 'object', properties: { a: { type: 'integer', title: 'A' } } };

  it.each([
    ['not JSON', '{"type": "object",, }', /Không phải JSON hợp lệ \(dòng 1, cột \d+\)/],
    ['a list', '[1,2]', /đối tượng JSON/],
    ['no properties', '{"type":"string"}', /"type": "object" và "properties"/],
    ['a wrong type name', JSON.stringify({ type: 'object', properties: { a: { type: 'so' } } }), /kiểu “so”/],
    [
      'a string minimum',
      JSON.stringify({ type: 'object', properties: { a: { type: 'number', minimum: '0' } } }),
      /“minimum” phải là một số/,
    ],
    ['empty', '   ', /trống/],
  ])('refuses %s with a Vietnamese message', (_name, text, message) => {
    const r = parseTemplateText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('refuses more than 5 MB before parsing', () => {
    const big = JSON.stringify({ ...good, description: 'x'.repeat(MAX_TEMPLATE_BYTES) });
    const r = parseTemplateText(big);
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toMatch(/tối đa 5 MB/);
  });

  it('accepts a bare schema and the export format', () => {
    expect(parseTemplateText(JSON.stringify(good))).toMatchObject({ ok: true, schema: good, uiSchema: null });
    const r = parseTemplateText(
      JSON.stringify({ title: 'T', schema: good, uiSchema: { a: { 'ui:help': 'h' } } }),
    );
    expect(r).toMatchObject({
      ok: true,
      schema: good,
      uiSchema: { a: { 'ui:help': 'h' } },
      meta: { title: 'T' },
    });
  });
});
