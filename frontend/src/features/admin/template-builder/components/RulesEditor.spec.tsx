import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FieldNode } from '../utils/field-model';
import { RulesEditor, ruleInWords } from './RulesEditor';

const field = (key: string, title: string): FieldNode =>
  ({ id: key, key, title, kind: 'integer', required: false, children: [], extra: {}, ui: {} }) as unknown as FieldNode;
const section = (rules: unknown[] = []): FieldNode =>
  ({ id: 'I', key: 'I', title: 'I. Tình hình chung', kind: 'section', required: false, children: [field('tongSo', 'Tổng số'), field('soNu', 'Trong đó nữ')], extra: { 'x-rules': rules }, ui: {} }) as unknown as FieldNode;

describe(RulesEditor.name, () => {
  it('shows each rule with the fields’ titles, never their codes', () => {
    render(<RulesEditor node={section([{ id: 'r', assert: 'soNu <= tongSo * 3', message: 'Số nữ quá lớn.', severity: 'warning' }])} readOnly onChange={() => {}} />);
    expect(screen.getByTestId('rules-editor')).toHaveTextContent('«Trong đó nữ» ≤ «Tổng số» × 3');
    expect(screen.getByTestId('rules-editor')).toHaveTextContent('Cảnh báo');
    expect(ruleInWords('soNu <= tongSo', section().children)).toBe('«Trong đó nữ» ≤ «Tổng số»');
  });

  it('removes a rule', async () => {
    const onChange = vi.fn();
    render(<RulesEditor node={section([{ id: 'r', assert: 'soNu <= tongSo', message: 'Số nữ quá lớn.', severity: 'error' }])} readOnly={false} onChange={onChange} />);
    await userEvent.click(screen.getByRole('button', { name: 'Xoá quy tắc Số nữ quá lớn.' }));
    expect(onChange).toHaveBeenCalledWith([]);
  });
});
