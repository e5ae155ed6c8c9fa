/** A number's formula (fields picked by title, the stored expression keeps their names) and whether the filler may edit it. */
import { Form, Input, Space, Switch } from 'antd';
import { checkExpression } from '../utils/expression';
import type { FieldNode, TemplateModel } from '../utils/field-model';
import { FieldPicker } from './FieldPicker';
import type { PartProps } from './inspector-types';

export function ComputedField({ n, onUpdate, model, siblings }: PartProps & { model: TemplateModel; siblings: FieldNode[] }) {
  const isNumber = n.kind === 'number' || n.kind === 'integer';
  const exprCheck = n.computed !== undefined ? checkExpression(n.computed, model, siblings) : null;
  const help = exprCheck
    ? exprCheck.ok
      ? 'Công thức hợp lệ.'
      : exprCheck.message
    : 'Ví dụ: soNu / tongSo * 100 — tên trường cùng mục; $root.I.tongSo để lấy từ mục khác.';
  return (
    <>
      {isNumber && (
        <Form.Item label="Công thức tính tự động" validateStatus={exprCheck && !exprCheck.ok ? 'error' : exprCheck?.ok ? 'success' : undefined} help={help}>
          <Space.Compact style={{ width: '100%' }}>
            <FieldPicker
              fields={siblings.filter((f) => f.id !== n.id && (f.kind === 'integer' || f.kind === 'number'))}
              onPick={(key) => onUpdate({ computed: `${n.computed ? `${n.computed.trimEnd()} ` : ''}${key}`, nullable: true })}
            />
            <Input
              aria-label="Công thức"
              data-testid="field-computed"
              placeholder="soNu / tongSo * 100"
              value={n.computed ?? ''}
              onChange={(e) =>
                onUpdate(
                  e.target.value === ''
                    ? { computed: undefined }
                    : // null without its inputs (or on a division by zero): the type allows it.
                      { computed: e.target.value, nullable: true },
                )
              }
            />
          </Space.Compact>
        </Form.Item>
      )}
      {n.computed !== undefined && (
        <Form.Item>
          <Switch
            size="small"
            checked={n.extra.readOnly === true}
            onChange={(v) => {
              const extra = { ...n.extra };
              if (v) extra.readOnly = true;
              else delete extra.readOnly;
              onUpdate({ extra });
            }}
          />{' '}
          Người điền không sửa được (chỉ đọc)
        </Form.Item>
      )}
    </>
  );
}
