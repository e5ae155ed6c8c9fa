/** The @rjsf/antd widgets a template names only sometimes, in one chunk (rjsf-theme.tsx loads it when one shows). */
export { default as AltDateTimeWidget } from '@rjsf/antd/lib/widgets/AltDateTimeWidget/index.js';
export { default as AltDateWidget } from '@rjsf/antd/lib/widgets/AltDateWidget/index.js';
export { default as CheckboxesWidget } from '@rjsf/antd/lib/widgets/CheckboxesWidget/index.js';
export { default as DateTimeWidget } from '@rjsf/antd/lib/widgets/DateTimeWidget/index.js';
export { default as PasswordWidget } from '@rjsf/antd/lib/widgets/PasswordWidget/index.js';
export { default as RangeWidget } from '@rjsf/antd/lib/widgets/RangeWidget/index.js';
export { default as SelectWidget } from '@rjsf/antd/lib/widgets/SelectWidget/index.js';
