// Copies cases of the official JSON-Schema-Test-Suite (draft 2020-12, applicator keywords) into
// corpus files: each case's schema becomes the rows of a list field ("Các giá trị", rolled up by
// concat) with an `$id` of its own, so its `#` references keep pointing into the case; the case's
// valid instances become two units' data. Usage: node generate-from-test-suite.mjs <suite checkout> <commit>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [suite, commit] = process.argv.slice(2);
const PICK = {
  'allOf.json': [0, 1, 2, 3],
  'anyOf.json': [0, 1, 2, 4],
  'oneOf.json': [0, 1, 2, 5, 6, 7],
  'if-then-else.json': [2, 3, 4, 5],
  'dependentSchemas.json': [0, 2],
  'dependentRequired.json': [0, 3],
  'additionalProperties.json': [0, 1, 2, 3],
  'patternProperties.json': [0, 1, 2],
  'properties.json': [0, 1],
  'prefixItems.json': [0],
  'items.json': [0, 2],
  'propertyNames.json': [0, 1],
  'ref.json': [0, 1, 3],
  'defs.json': [],
  'anchor.json': [0],
  'not.json': [0, 1, 2],
  'contains.json': [0],
  'const.json': [0, 2],
  'enum.json': [0, 1],
  'unevaluatedProperties.json': [1, 2],
};
const slug = (s) => s.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
let n = 0;
for (const [file, groups] of Object.entries(PICK)) {
  const cases = JSON.parse(readFileSync(join(suite, 'tests/draft2020-12', file), 'utf8'));
  for (const gi of groups) {
    const g = cases[gi];
    if (!g) continue;
    const valid = g.tests.filter((t) => t.valid).map((t) => t.data);
    if (valid.length === 0) continue;
    const { $schema: _s, ...schema } = typeof g.schema === 'object' ? g.schema : { not: g.schema === false ? {} : { not: {} } };
    const name = `ts-${file.replace('.json', '')}-${gi}-${slug(g.description)}`;
    const item = { $id: `https://bdg.invalid/corpus/${name}.json`, ...schema };
    const mid = Math.ceil(valid.length / 2);
    const out = {
      title: `JSON-Schema-Test-Suite: ${file.replace('.json', '')} — ${g.description}`,
      source: `https://github.com/json-schema-org/JSON-Schema-Test-Suite/blob/${commit}/tests/draft2020-12/${file} (nhóm ${gi})`,
      schema: {
        type: 'object',
        title: g.description,
        properties: {
          cacGiaTri: { type: 'array', title: 'Các giá trị', maxItems: 20, items: item, 'x-aggregate': 'concat' },
        },
      },
      uiSchema: {},
      units: [{ cacGiaTri: valid.slice(0, mid) }, { cacGiaTri: valid.slice(mid).length ? valid.slice(mid) : valid.slice(0, 1) }],
    };
    writeFileSync(`${name}.json`, JSON.stringify(out, null, 2) + '\n');
    n++;
  }
}
console.log(`${n} corpus files written`);
