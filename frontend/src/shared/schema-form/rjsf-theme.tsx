/**
 * @rjsf/antd's form with its templates as they are and its widgets loaded as a form uses them. `import Form from
 * '@rjsf/antd'` brings every widget with the antd control it needs (Select with its virtual list, Slider, the
 * alternative date pickers) to every form's first load; here the ones a template names only sometimes (a
 * dropdown, a range, a password, several checkboxes, date-time) come in one chunk when a field first shows one.
 * Dates and long texts are ours (SchemaForm's widgets); a single checkbox and radio buttons are small and common.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { Skeleton } from 'antd';
import { withTheme } from '@rjsf/core';
import type { RegistryWidgetsType, WidgetProps } from '@rjsf/utils';
import { generateTemplates } from '@rjsf/antd/lib/templates/index.js';
import CheckboxWidget from '@rjsf/antd/lib/widgets/CheckboxWidget/index.js';
import RadioWidget from '@rjsf/antd/lib/widgets/RadioWidget/index.js';

type RareWidgets = typeof import('./rjsf-rare-widgets');

function onDemand(name: keyof RareWidgets): ComponentType<WidgetProps> {
  const Real = lazy(() => import('./rjsf-rare-widgets').then((m) => ({ default: m[name] as ComponentType<WidgetProps> })));
  return function OnDemandWidget(props: WidgetProps) {
    return (
      <Suspense fallback={<Skeleton.Input active block aria-busy="true" aria-label={props.label || undefined} />}>
        <Real {...props} />
      </Suspense>
    );
  };
}

const widgets: RegistryWidgetsType = {
  CheckboxWidget,
  RadioWidget,
  AltDateTimeWidget: onDemand('AltDateTimeWidget'),
  AltDateWidget: onDemand('AltDateWidget'),
  CheckboxesWidget: onDemand('CheckboxesWidget'),
  DateTimeWidget: onDemand('DateTimeWidget'),
  PasswordWidget: onDemand('PasswordWidget'),
  RangeWidget: onDemand('RangeWidget'),
  SelectWidget: onDemand('SelectWidget'),
};

export const Form = withTheme({ templates: generateTemplates(), widgets });
