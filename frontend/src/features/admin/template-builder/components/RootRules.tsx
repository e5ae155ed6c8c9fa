/** Rules on the whole form (x-rules at the root), shown when no field is selected: they may name any section's fields. */
import type { JsonObject, TemplateModel } from '../utils/field-model';
import { checkRule, ruleScope } from '../utils/rule-scope';
import { RulesEditor } from './RulesEditor';

export function RootRules({ model, readOnly, onChange }: { model: TemplateModel; readOnly: boolean; onChange: (rootExtra: JsonObject) => void }) {
  const scope = ruleScope(model, null)!;
  return (
    <RulesEditor
      scopeLabel="toàn biểu mẫu"
      fields={scope.fields}
      rules={scope.rules}
      readOnly={readOnly}
      check={(assert) => checkRule(model, [], assert)}
      onChange={(rules) => {
        const rootExtra = { ...model.rootExtra };
        if (rules.length) rootExtra['x-rules'] = rules;
        else delete rootExtra['x-rules'];
        onChange(rootExtra);
      }}
    />
  );
}
