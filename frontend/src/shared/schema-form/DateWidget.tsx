import type { WidgetProps } from '@rjsf/utils';
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/** Dates shown and typed as dd/mm/yyyy, stored as ISO yyyy-mm-dd (JSON Schema "date"). */
export function DateWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, required, label, onChange, onBlur, onFocus, rawErrors, options } = props;
  const d = typeof value === 'string' && value ? dayjs(value) : null;
  return (
    <DatePicker
      id={id}
      style={{ width: '100%' }}
      format={['DD/MM/YYYY', 'D/M/YYYY', 'YYYY-MM-DD']}
      placeholder="dd/mm/yyyy"
      value={d && d.isValid() ? d : null}
      disabled={disabled}
      inputReadOnly={readonly}
      open={readonly ? false : undefined}
      allowClear={!readonly}
      aria-label={label || undefined}
      aria-required={required || undefined}
      aria-invalid={rawErrors && rawErrors.length > 0 ? true : undefined}
      onChange={(v) => !readonly && onChange(v ? v.format('YYYY-MM-DD') : options.emptyValue)}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    />
  );
}
