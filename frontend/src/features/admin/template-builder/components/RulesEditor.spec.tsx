import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { modelToSchema, schemaToModel, type TemplateModel } from '../utils/field-model';
import { checkRule, ruleInWords, ruleScope, withRules } from '../utils/rule-scope';
import { RulesEditor } from './RulesEditor';

const schema = {
  type: 'object',
  title: 'Báo cáo',
  'x-rules': [{ id: 'goc', assert: 'I.soNu <= I.tongSo', message: 'Nữ quá tổng.', severity: 'error' }],
  properties: {
    I: {
      type: 'object',
      title: 'I. Tình hình chung',
      'x-rules': [{ id: 'r', assert: 'soNu <= tongSo * 3', message: 'Số nữ quá lớn.', severity: 'warning' }],
      properties: { tongSo: { type: 'integer', title: 'Tổng số' }, soNu: { type: 'integer', title: 'Trong đó nữ' } },
    },
    bang: {
      type: 'array',
      title: 'Chỉ tiêu',
      items: {
        type: 'object',
        'x-rules': [{ id: 'dat-giao', assert: 'dat <= giao * 3', message: 'Đạt quá giao.', severity: 'warning' }],
        properties: { giao: { type: 'number', title: 'Kế hoạch giao' }, dat: { type: 'number', title: 'Kết quả đạt' } },
      },
    },
  },
};
const model: TemplateModel = schemaToModel(schema, {});
const id = (key: string) => model.fields.find((f) => f.key === key)!.id;

describe('rules of the form, a section and a table row', () => {
  it('finds each object’s rules and the fields they may name, by title', () => {
    const root = ruleScope(model, null)!;
    expect(root.rules.map((r) => r.id)).toEqual(['goc']);
    expect(root.fields).toContainEqual({ name: 'I.tongSo', title: 'I. Tình hình chung › Tổng số' });
    expect(ruleScope(model, id('I'))!.container).toEqual(['I']);
    const row = ruleScope(model, id('bang'))!;
    expect(row.container).toEqual(['bang', '*']);
    expect(row.rules.map((r) => r.id)).toEqual(['dat-giao']);
    expect(ruleInWords('dat <= giao * 3', row.fields)).toBe('«Kết quả đạt» ≤ «Kế hoạch giao» × 3');
    expect(ruleInWords('I.soNu <= I.tongSo', root.fields)).toBe('«I. Tình hình chung › Trong đó nữ» ≤ «I. Tình hình chung › Tổng số»');
  });

  it('checks expressions with @bdg/schemas against the object’s fields', () => {
    expect(checkRule(model, ['bang', '*'], 'dat <= giao')).toEqual([]);
    expect(checkRule(model, ['bang', '*'], 'dat <= tongSo').join(' ')).toMatch(/không có trường \/bang\/\*\/tongSo/);
    expect(checkRule(model, [], 'I.soNu <=* 2').join(' ')).toMatch(/Thiếu toán hạng trước “\*”/);
  });

  it('writes a table row’s rules back into items.x-rules, the root’s at the root', () => {
    const bang = model.fields.find((f) => f.key === 'bang')!;
    const next = { ...model, fields: model.fields.map((f) => (f.key === 'bang' ? { ...f, extra: withRules(bang, []) } : f)) };
    const out = modelToSchema(next).schema as { properties: { bang: { items: Record<string, unknown> } } };
    expect(out.properties.bang.items['x-rules']).toBeUndefined();
    expect((modelToSchema(model).schema as { properties: { bang: { items: Record<string, unknown> } } }).properties.bang.items['x-rules']).toHaveLength(1);
    expect(modelToSchema(model).schema['x-rules']).toHaveLength(1);
  });
});

describe(RulesEditor.name, () => {
  const fields = ruleScope(model, id('I'))!.fields;
  const check = (a: string) => checkRule(model, ['I'], a);

  it('shows each rule with the fields’ titles, never their codes', () => {
    render(<RulesEditor scopeLabel="mục I" fields={fields} rules={ruleScope(model, id('I'))!.rules} readOnly check={check} onChange={() => {}} />);
    expect(screen.getByTestId('rules-editor')).toHaveTextContent('«Trong đó nữ» ≤ «Tổng số» × 3');
    expect(screen.getByTestId('rules-editor')).toHaveTextContent('Cảnh báo');
  });

  it('removes a rule and edits its message', async () => {
    const onChange = vi.fn();
    const rules = [{ id: 'r', assert: 'soNu <= tongSo', message: 'Số nữ quá lớn.', severity: 'error' as const }];
    render(<RulesEditor scopeLabel="mục I" fields={fields} rules={rules} readOnly={false} check={check} onChange={onChange} />);
    await userEvent.type(screen.getByLabelText('Thông báo của quy tắc r'), '!');
    expect(onChange).toHaveBeenLastCalledWith([{ ...rules[0], message: 'Số nữ quá lớn.!' }]);
    await userEvent.click(screen.getByRole('button', { name: 'Xoá quy tắc Số nữ quá lớn.' }));
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('refuses an advanced expression naming an unknown field, adds a sound one with its message', async () => {
    const onChange = vi.fn();
    render(<RulesEditor scopeLabel="mục I" fields={fields} rules={[]} readOnly={false} check={check} onChange={onChange} />);
    const box = screen.getByLabelText('Biểu thức (nâng cao)');
    await userEvent.type(box, 'soNu <= khongCo');
    expect(await screen.findByTestId('rule-expression-problem')).toHaveTextContent('không có trường /I/khongCo');
    expect(screen.getByTestId('add-rule')).toBeDisabled();
    await userEvent.clear(box);
    await userEvent.type(box, 'soNu <= tongSo');
    expect(within(screen.getByTestId('rules-editor')).getByText('«Trong đó nữ» ≤ «Tổng số»')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Thông báo cho người nhập'), 'Nữ không quá tổng.');
    await userEvent.click(screen.getByTestId('add-rule'));
    expect(onChange).toHaveBeenCalledWith([{ id: 'quy-tac', assert: 'soNu <= tongSo', message: 'Nữ không quá tổng.', severity: 'error' }]);
  });
});
