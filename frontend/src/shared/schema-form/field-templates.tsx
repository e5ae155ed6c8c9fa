/** Field-level templates: labelled inputs that keep keystrokes local, computed values read live, extras per field. */
import { memo, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore, type ChangeEvent } from 'react';
import { Templates } from '@rjsf/antd';
import { ariaDescribedByIds, getInputProps, type FieldTemplateProps, type RJSFSchema, type WidgetProps } from '@rjsf/utils';
import { Input, InputNumber } from 'antd';
import { formatNumber } from '../format/format';
import { getAtPointer, toPointer } from '../utils/json-pointer';
import { FormRuntimeContext } from './form-context';

const AntdFieldTemplate = Templates.FieldTemplate!;
const FULL = { width: '100%' } as const;
/** How long typing stays local before RJSF hears of it (blur commits at once). */
export const COMMIT_DELAY_MS = 250;

function isLeafSchema(schema: RJSFSchema): boolean {
  const t = Array.isArray(schema.type) ? schema.type : [schema.type];
  return !t.includes('object') && !t.includes('array') && !schema.properties && !schema.items;
}

export function FieldTemplate(props: FieldTemplateProps) {
  const { schema, fieldPathId, children, id, label } = props;
  if (!isLeafSchema(schema) || props.hidden) return <AntdFieldTemplate {...props} />;
  const pointer = toPointer(fieldPathId.path);
  const computed = typeof schema['x-computed'] === 'string';
  return (
    <AntdFieldTemplate {...props}>
      <>
        {computed ? <ComputedValue id={id} pointer={pointer} label={label} /> : children}
        <FieldExtras pointer={pointer} schema={schema} />
      </>
    </AntdFieldTemplate>
  );
}

const FieldExtras = memo(function FieldExtras({ pointer, schema }: { pointer: string; schema: RJSFSchema }) {
  const rt = useContext(FormRuntimeContext);
  const node = rt?.renderExtras?.(pointer, schema);
  return node ? <div className="bdg-field-extras">{node}</div> : null;
});

/** A computed field: read-only, recalculated from the live data (applyComputed from @bdg/schemas). */
const ComputedValue = memo(function ComputedValue({ id, pointer, label }: { id: string; pointer: string; label: string }) {
  const rt = useContext(FormRuntimeContext);
  const subscribe = rt ? rt.store.subscribe : noopSubscribe;
  const value = useSyncExternalStore(subscribe, () => (rt ? getAtPointer(rt.store.getComputed(), pointer) : undefined));
  const text = typeof value === 'number' ? formatNumber(value) : value === undefined || value === null ? '—' : String(value);
  return (
    <output id={id} className="bdg-computed" aria-label={`${label} (tự tính)`} aria-live="polite" data-testid={`computed-${pointer}`}>
      {text}
    </output>
  );
});
const noopSubscribe = () => () => {};

/**
 * Keeps what the user types in local state and hands it to RJSF after a pause or on blur: a keystroke re-renders
 * one input, not the form (RJSF issues #3715, #4432).
 */
function useBufferedValue<V>(value: V, onChange: (v: V) => void) {
  const [local, setLocal] = useState<{ v: V } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<{ v: V } | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const p = pending.current;
    pending.current = null;
    if (p) onChangeRef.current(p.v);
    setLocal(null);
  }, []);
  const change = useCallback(
    (v: V) => {
      pending.current = { v };
      setLocal({ v });
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, COMMIT_DELAY_MS);
    },
    [flush],
  );
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (pending.current) onChangeRef.current(pending.current.v);
    },
    [],
  );
  return { value: local ? local.v : value, change, flush };
}

const vnFormatter = (v: string | number | undefined, info: { userTyping: boolean; input: string }) => {
  if (info.userTyping) return info.input;
  if (v === undefined || v === null || v === '') return '';
  const n = Number(v);
  return Number.isFinite(n) ? formatNumber(n, 10) : String(v);
};
const vnParser = (s: string | undefined) => (s ? s.replace(/\s/g, '').replace(/\./g, '').replace(',', '.') : '');

export function BaseInputTemplate(props: WidgetProps) {
  const { id, htmlName, disabled, readonly, required, placeholder, schema, options, type, label, onBlur, onFocus, autofocus, rawErrors } = props;
  const inputProps = getInputProps(schema, type, options, false);
  const buffered = useBufferedValue<unknown>(props.value, (v) => props.onChange(v));
  const rt = useContext(FormRuntimeContext);
  const common = {
    id,
    name: htmlName || id,
    disabled,
    readOnly: readonly,
    required,
    placeholder,
    autoFocus: autofocus,
    'aria-label': label || undefined,
    'aria-required': required || undefined,
    'aria-invalid': rawErrors && rawErrors.length > 0 ? true : undefined,
    'aria-describedby': ariaDescribedByIds(id, !!schema.examples),
    style: FULL,
  };
  const blur = (raw: unknown) => {
    buffered.flush();
    onBlur(id, raw);
    rt?.onFieldBlur?.(id);
  };
  if (inputProps.type === 'number' || inputProps.type === 'integer' || schema.type === 'number' || schema.type === 'integer') {
    // No min/max/precision here: the input would silently clamp or round, and the user would not see why.
    // Out-of-range values stay as typed and get the server's Vietnamese message instead.
    const { step } = inputProps;
    return (
      <InputNumber<number>
        {...common}
        step={typeof step === 'number' ? step : undefined}
        changeOnWheel={false}
        formatter={vnFormatter}
        parser={(s) => vnParser(s) as unknown as number}
        value={buffered.value as number | null | undefined}
        onChange={(v) => buffered.change(v === null ? options.emptyValue : v)}
        onBlur={(e) => blur(e.target.value)}
        onFocus={(e) => onFocus(id, e.target.value)}
      />
    );
  }
  return (
    <Input
      {...common}
      type={inputProps.type === 'text' ? undefined : inputProps.type}
      maxLength={typeof schema.maxLength === 'number' ? schema.maxLength : undefined}
      value={(buffered.value as string | undefined) ?? ''}
      onChange={(e: ChangeEvent<HTMLInputElement>) => buffered.change(e.target.value === '' ? options.emptyValue : e.target.value)}
      onBlur={(e) => blur(e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}

export function TextareaWidget(props: WidgetProps) {
  const { id, htmlName, disabled, readonly, required, placeholder, options, label, onBlur, onFocus, rawErrors, schema } = props;
  const buffered = useBufferedValue<unknown>(props.value, (v) => props.onChange(v));
  const rt = useContext(FormRuntimeContext);
  return (
    <Input.TextArea
      id={id}
      name={htmlName || id}
      disabled={disabled}
      readOnly={readonly}
      required={required}
      placeholder={placeholder}
      aria-label={label || undefined}
      aria-invalid={rawErrors && rawErrors.length > 0 ? true : undefined}
      aria-describedby={ariaDescribedByIds(id)}
      rows={typeof options.rows === 'number' ? options.rows : 4}
      autoSize={{ minRows: typeof options.rows === 'number' ? options.rows : 3, maxRows: 20 }}
      maxLength={typeof schema.maxLength === 'number' ? schema.maxLength : undefined}
      value={(buffered.value as string | undefined) ?? ''}
      onChange={(e) => buffered.change(e.target.value === '' ? options.emptyValue : e.target.value)}
      onBlur={(e) => {
        buffered.flush();
        onBlur(id, e.target.value);
        rt?.onFieldBlur?.(id);
      }}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}
