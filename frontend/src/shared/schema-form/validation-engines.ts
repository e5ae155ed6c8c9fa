/**
 * What checking a form needs — AJV with its formats and the RE2 pattern engine (about 95 kB compressed) — in a chunk
 * of its own, loaded by validation-on-demand.ts when a page first checks, not with every form.
 */
import { customizeValidator } from '@rjsf/validator-ajv8';
import { getValidator, linearRegExp } from './schema-lib';

/**
 * One RJSF validator for the whole app: compiled schemas are cached by it, so each template compiles once.
 * RJSF matches oneOf/anyOf/if branches with it: patterns run on the same linear engine as our validator.
 */
export const rjsfValidator = customizeValidator({ ajvOptionsOverrides: { code: { regExp: linearRegExp } } });

export { getValidator };
