/**
 * The x-rules contract table of @bdg/schemas, run here through the browser bundle's module resolution
 * (Vite, jsdom): the clerk's browser and the server must find exactly the same failures.
 */
import { describe, expect, it } from 'vitest';
import { ruleCases, rulesSchema } from '../../../../schemas/test/rules-contract';
import { applyComputed, getValidator, type JsonSchema } from './schema-lib';

describe('x-rules in the browser bundle', () => {
  const validator = getValidator(rulesSchema as JsonSchema, 'rules-contract');
  it.each(ruleCases)('$name', ({ data, findings }) => {
    const found = validator.checkRules(applyComputed(rulesSchema as JsonSchema, data));
    expect(found.map((f) => `${f.severity} ${f.ruleId} ${f.path}`).sort()).toEqual([...findings].sort());
  });
});
