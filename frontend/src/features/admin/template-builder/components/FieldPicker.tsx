/** Builds a formula by picking fields by their titles: the stored expression still uses the field names. */
import { Select } from 'antd';
import type { FieldNode } from '../utils/field-model';

export function FieldPicker({ fields, onPick }: { fields: FieldNode[]; onPick: (key: string) => void }) {
  return (
    <Select
      aria-label="Chèn trường vào công thức"
      data-testid="formula-field-picker"
      placeholder="Chèn trường…"
      style={{ minWidth: 200 }}
      value={null}
      showSearch
      optionFilterProp="label"
      options={fields.map((f) => ({ value: f.key, label: f.title || f.key }))}
      onChange={(key: string) => onPick(key)}
    />
  );
}
