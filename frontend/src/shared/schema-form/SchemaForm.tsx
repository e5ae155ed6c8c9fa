/** The form rendered from a template version with @rjsf/antd, tuned for large templates (see prepare-form.ts). */
import { memo, startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Skeleton } from 'antd';
import { Form } from './rjsf-theme';
import type { ErrorSchema, RJSFSchema } from '@rjsf/utils';
import type { IChangeEvent } from '@rjsf/core';
import { BaseInputTemplate, FieldTemplate, TextareaWidget } from './field-templates';
import { DateWidget } from './DateWidget';
import { FormRuntimeContext, rowPattern, type FormRuntime } from './form-context';
import type { FormStore } from './form-store';
import { ObjectFieldTemplate } from './object-templates';
import type { DerivationMode, PreparedForm } from './prepare-form';
import { parsePointer, pointerToId, toPointer } from '../utils/json-pointer';
import { rendersWithValidation, rjsfValidator, useValidationReady } from './validation-on-demand';

const templates = { FieldTemplate, ObjectFieldTemplate, BaseInputTemplate };
const widgets = { TextareaWidget, DateWidget };
/** Forms up to this many fields render whole in the first paint. */
export const EAGER_FIELDS = 100;
const formContext = { readonlyAsDisabled: false, descriptionLocation: 'below' };

export interface SectionsController {
  activeSections: string[];
  setActiveSections: (keys: string[]) => void;
  /** Opens the field's section, scrolls to it and focuses it. */
  jumpTo: (pointer: string) => void;
}

export function useSections(prepared: PreparedForm | undefined, initiallyOpen: 'all' | number = 'all'): SectionsController {
  const [activeSections, setActiveSections] = useState<string[] | null>(null);
  const all = useMemo(() => prepared?.sections.map((s) => s.key) ?? [], [prepared]);
  const effective = activeSections ?? (initiallyOpen === 'all' ? all : all.slice(0, initiallyOpen));
  // the field appears once its section has opened: a few tries, none after the page has gone
  const focusTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(focusTimer.current), []);
  const jumpTo = useCallback(
    (pointer: string) => {
      const segs = parsePointer(pointer);
      const section = segs[0];
      if (section) setActiveSections((cur) => [...new Set([...(cur ?? effective), section])]);
      const tryFocus = (attempt: number) => {
        for (let n = segs.length; n >= 1; n--) {
          const el = document.getElementById(pointerToId(toPointer(segs.slice(0, n))));
          if (el) {
            el.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
            (el as HTMLElement).focus?.({ preventScroll: true });
            return;
          }
        }
        if (attempt < 5) focusTimer.current = setTimeout(() => tryFocus(attempt + 1), 60);
      };
      clearTimeout(focusTimer.current);
      focusTimer.current = setTimeout(() => tryFocus(0), 0);
    },
    [effective],
  );
  return { activeSections: effective, setActiveSections, jumpTo };
}

export interface SchemaFormProps {
  prepared: PreparedForm;
  store: FormStore;
  sections: SectionsController;
  readonly?: boolean;
  /** Errors shown beside each field (from @bdg/schemas validation or a 422). */
  errorSchema?: ErrorSchema;
  renderExtras?: FormRuntime['renderExtras'];
  onFieldBlur?: FormRuntime['onFieldBlur'];
  /** Which help lines computed fields carry: a unit's own report (default) or a consolidated one. */
  derivation?: DerivationMode;
}

/**
 * RJSF holds the inputs; this component is memoised and its props are stable, so the page re-rendering (save
 * status, dialogs) does not re-render the form. Data flows out through `store`.
 */
export const SchemaForm = memo(function SchemaForm(props: SchemaFormProps) {
  const { prepared, store, sections, readonly, errorSchema, renderExtras, onFieldBlur, derivation = 'fill' } = props;
  // RJSF re-derives its state from the `formData` prop whenever any prop changes (e.g. new `extraErrors` after a
  // blur or a 422): handing it only the first data reset every input to it and lost what was typed. It gets the
  // store's current data (what its own onChange reported), so a re-render keeps the input. This component renders
  // only when its props change, not per keystroke. To replace the data, remount with a new key.
  const formData = store.getData();
  // Large forms: the first sections paint at once, the rest follow in an interruptible transition, so the form is
  // interactive quickly and typing is never blocked by the sections still mounting.
  const [mountAll, setMountAll] = useState(() => prepared.fieldCount <= EAGER_FIELDS);
  useEffect(() => {
    if (!mountAll) startTransition(() => setMountAll(true));
  }, [mountAll]);
  const derivationHelp = useMemo(() => {
    const helps = prepared.helps(derivation);
    return (pointer: string) => helps.get(rowPattern(pointer));
  }, [prepared, derivation]);
  const runtime = useMemo<FormRuntime>(
    () => ({
      store,
      activeSections: sections.activeSections,
      setActiveSections: sections.setActiveSections,
      mountAll,
      renderExtras,
      onFieldBlur,
      derivationHelp,
    }),
    [store, sections.activeSections, sections.setActiveSections, mountAll, renderExtras, onFieldBlur, derivationHelp],
  );
  const onChange = useCallback((e: IChangeEvent) => store.setData((e.formData ?? {}) as Record<string, unknown>), [store]);
  // Only a template whose rendering asks RJSF's validator (oneOf/anyOf/if) waits for it; any other renders at once.
  const validation = useValidationReady(rendersWithValidation(prepared.schema));
  if (validation.error)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={validation.error.message}
        action={
          <Button size="small" onClick={validation.retry}>
            Thử lại
          </Button>
        }
      />
    );
  if (!validation.ready) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <FormRuntimeContext.Provider value={runtime}>
      <Form
        className="bdg-form"
        schema={prepared.schema as RJSFSchema}
        uiSchema={prepared.uiSchema}
        formData={formData}
        validator={rjsfValidator}
        templates={templates}
        widgets={widgets}
        formContext={formContext}
        noValidate
        showErrorList={false}
        readonly={readonly}
        extraErrors={errorSchema}
        onChange={onChange}
        experimental_defaultFormStateBehavior={{ emptyObjectFields: 'skipEmptyDefaults' }}
      />
    </FormRuntimeContext.Provider>
  );
});
