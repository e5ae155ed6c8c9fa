/** Field-level templates: labelled inputs that keep keystrokes local, computed values read live, extras per field. */
import { memo, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore, type ChangeEvent } from 'react';
import {
  ariaDescribedByIds,
  descriptionId,
  errorId,
  getInputProps,
  helpId,
  type FieldTemplateProps,
  type RJSFSchema,
  type WidgetProps,
} from '@rjsf/utils';
import { Input } from 'antd';
import { formatNumber, formatWithUnit, parseVietnameseNumber } from '../format/format';
import { getAtPointer, toPointer } from '../utils/json-pointer';
import { FormRuntimeContext } from './form-context';

const FULL = { width: '100%' } as const;
/** How long typing stays local before RJSF hears of it (blur commits at once). */
export const COMMIT_DELAY_MS = 250;

function isLeafSchema(schema: RJSFSchema): boolean {
  const t = Array.isArray(schema.type) ? schema.type : [schema.type];
  return !t.includes('object') && !t.includes('array') && !schema.properties && !schema.items;
}

/**
 * Leaves get a light template of our own (label, input, description, errors beside the field, extras): antd's
 * Form.Item costs ~10× more per field and a 300-field form must render in < 300 ms. Containers keep antd's.
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const { schema, fieldPathId, children, id, label, displayLabel, required, rawErrors, rawDescription, rawHelp, hidden } = props;
  const rt = useContext(FormRuntimeContext);
  if (hidden) return <div hidden>{children}</div>;
  if (!isLeafSchema(schema)) {
    // Containers: their title is drawn by the group / table / section templates.
    return (
      <div className="bdg-container">
        {children}
        {rawErrors && rawErrors.length > 0 && <div className="bdg-field-error">{rawErrors.join(' ')}</div>}
      </div>
    );
  }
  const pointer = toPointer(fieldPathId.path);
  const computed = typeof schema['x-computed'] === 'string';
  const hasError = !!rawErrors && rawErrors.length > 0;
  // In a table the column header carries the help line; a field on its own says it under the value.
  const derivation = displayLabel ? rt?.derivationHelp?.(pointer) : undefined;
  return (
    <div className={hasError ? 'bdg-field bdg-field-has-error' : 'bdg-field'} data-pointer={pointer}>
      {displayLabel && label && (
        <label htmlFor={id} className="bdg-label">
          {label}
          {required && (
            <span className="bdg-required" aria-hidden>
              {' '}
              *
            </span>
          )}
        </label>
      )}
      {computed ? <ComputedValue id={id} pointer={pointer} label={label} unit={typeof schema['x-unit'] === 'string' ? schema['x-unit'] : undefined} /> : children}
      {derivation && (
        <div id={`${id}__derivation`} className="bdg-help bdg-derivation" data-testid={`derivation-${pointer}`}>
          {derivation}
        </div>
      )}
      {rawDescription && (
        <div id={descriptionId(id)} className="bdg-help">
          {rawDescription}
        </div>
      )}
      {hasError && (
        <div id={errorId(id)} className="bdg-field-error">
          {rawErrors.join(' ')}
        </div>
      )}
      {rawHelp && (
        <div id={helpId(id)} className="bdg-help">
          {rawHelp}
        </div>
      )}
      <FieldExtras pointer={pointer} schema={schema} />
    </div>
  );
}

const FieldExtras = memo(function FieldExtras({ pointer, schema }: { pointer: string; schema: RJSFSchema }) {
  const rt = useContext(FormRuntimeContext);
  const node = rt?.renderExtras?.(pointer, schema);
  return node ? <div className="bdg-field-extras">{node}</div> : null;
});

/** A computed field: read-only, recalculated from the live data (applyComputed from @bdg/schemas). */
const ComputedValue = memo(function ComputedValue({ id, pointer, label, unit }: { id: string; pointer: string; label: string; unit?: string }) {
  const rt = useContext(FormRuntimeContext);
  const subscribe = rt ? rt.store.subscribe : noopSubscribe;
  const value = useSyncExternalStore(subscribe, () => (rt ? getAtPointer(rt.store.getComputed(), pointer) : undefined));
  // With the field's unit, the Vietnamese way: "84,44 %".
  const text = typeof value === 'number' ? formatWithUnit(value, unit) : value === undefined || value === null ? '—' : String(value);
  const described = rt?.derivationHelp?.(pointer) ? `${id}__derivation` : undefined;
  return (
    <output id={id} className="bdg-computed" aria-label={`${label} (tự tính)`} aria-describedby={described} aria-live="polite" data-testid={`computed-${pointer}`}>
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

export function BaseInputTemplate(props: WidgetProps) {
  const { id, htmlName, disabled, readonly, required, placeholder, schema, options, type, label, onBlur, onFocus, autofocus, rawErrors } = props;
  const inputProps = getInputProps(schema, type, options, false);
  const buffered = useBufferedValue<unknown>(props.value, (v) => props.onChange(v));
  const rt = useContext(FormRuntimeContext);
  const [editing, setEditing] = useState<string | null>(null);
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
  const numeric = inputProps.type === 'number' || inputProps.type === 'integer' || schema.type === 'number' || schema.type === 'integer';
  if (numeric) {
    // A text box with Vietnamese separators ("1.234,5"): antd's InputNumber costs ~10× more per field, and would
    // silently clamp or round out-of-range values instead of letting the user see the server's message.
    const v = buffered.value;
    const shown = editing ?? (typeof v === 'number' ? formatNumber(v, 10) : v === undefined || v === null ? '' : String(v));
    return (
      <Input
        {...common}
        inputMode="decimal"
        autoComplete="off"
        value={shown}
        onChange={(e: ChangeEvent<HTMLInputElement>) => {
          const text = e.target.value;
          setEditing(text);
          const n = parseVietnameseNumber(text);
          buffered.change(text.trim() === '' ? options.emptyValue : n === null ? text : n);
        }}
        onBlur={(e) => {
          setEditing(null);
          blur(e.target.value);
        }}
        onFocus={(e) => {
          setEditing(shown);
          onFocus(id, e.target.value);
        }}
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
