/** Required, and the bounds that fit a field's kind: values and unit for numbers, lengths for text, rows or files. */
import { Checkbox, Form, Input, InputNumber, Space } from 'antd';
import { num, type PartProps } from './inspector-types';

export function FieldBounds({ n, onUpdate }: PartProps) {
  const isNumber = n.kind === 'number' || n.kind === 'integer';
  const isText = n.kind === 'text' || n.kind === 'longText';
  return (
    <>
      {n.kind !== 'section' && (
        <Form.Item>
          <Checkbox data-testid="field-required" checked={n.required} onChange={(e) => onUpdate({ required: e.target.checked })}>
            Bắt buộc trả lời
          </Checkbox>
        </Form.Item>
      )}
      {isNumber && <NumberBounds n={n} onUpdate={onUpdate} />}
      {isText && (
        <Space wrap>
          <Form.Item label="Độ dài tối thiểu">
            <InputNumber aria-label="Độ dài tối thiểu" min={0} value={n.minLength} onChange={(v) => onUpdate({ minLength: num(v) })} />
          </Form.Item>
          <Form.Item label="Độ dài tối đa">
            <InputNumber aria-label="Độ dài tối đa" min={0} value={n.maxLength} onChange={(v) => onUpdate({ maxLength: num(v) })} />
          </Form.Item>
        </Space>
      )}
      {(n.kind === 'table' || n.kind === 'file') && (
        <Space wrap>
          <Form.Item label={n.kind === 'table' ? 'Số dòng tối thiểu' : 'Số tệp tối thiểu'}>
            <InputNumber aria-label="Số dòng tối thiểu" min={0} value={n.minItems} onChange={(v) => onUpdate({ minItems: num(v) })} />
          </Form.Item>
          <Form.Item label={n.kind === 'table' ? 'Số dòng tối đa' : 'Số tệp tối đa'}>
            <InputNumber aria-label="Số dòng tối đa" min={0} value={n.maxItems} onChange={(v) => onUpdate({ maxItems: num(v) })} />
          </Form.Item>
        </Space>
      )}
    </>
  );
}

function NumberBounds({ n, onUpdate }: PartProps) {
  return (
    <Space wrap>
      <Form.Item label="Nhỏ nhất">
        <InputNumber aria-label="Giá trị nhỏ nhất" data-testid="field-minimum" value={n.minimum} onChange={(v) => onUpdate({ minimum: num(v) })} />
      </Form.Item>
      <Form.Item label="Lớn nhất">
        <InputNumber aria-label="Giá trị lớn nhất" data-testid="field-maximum" value={n.maximum} onChange={(v) => onUpdate({ maximum: num(v) })} />
      </Form.Item>
      <Form.Item label="Đơn vị tính">
        <Input
          aria-label="Đơn vị tính"
          data-testid="field-unit"
          style={{ width: 120 }}
          placeholder="người, %, triệu đồng"
          value={n.unit ?? ''}
          onChange={(e) => onUpdate({ unit: e.target.value || undefined })}
        />
      </Form.Item>
    </Space>
  );
}
