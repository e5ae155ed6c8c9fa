/** Sample answers for the preview and the carry-forward preview: one plausible value per field. */
import type { FieldNode, TemplateModel } from './field-model';

function sample(n: FieldNode, i: number): unknown {
  switch (n.kind) {
    case 'section':
      return sampleFields(n.children);
    case 'table':
      return [sampleFields(n.children, 0), sampleFields(n.children, 1)];
    case 'number':
    case 'integer': {
      const lo = n.minimum ?? 0;
      const hi = n.maximum ?? lo + 100;
      const v = Math.min(hi, lo + 10 * (i + 1));
      return n.kind === 'integer' ? Math.round(v) : v;
    }
    case 'boolean':
      return true;
    case 'date':
      return '2025-05-12';
    case 'choice':
      return n.choices?.[0]?.value ?? '';
    case 'file':
      return [];
    case 'longText':
      return `Nội dung mẫu cho “${n.title || n.key}”.`;
    default: {
      const s = `Mẫu ${n.title || n.key}`;
      return n.maxLength !== undefined ? s.slice(0, n.maxLength) : s;
    }
  }
}

function sampleFields(list: FieldNode[], row = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  list.forEach((n, i) => {
    if (n.computed) return;
    out[n.key] = sample(n, i + row);
  });
  return out;
}

export function sampleData(model: TemplateModel): Record<string, unknown> {
  return sampleFields(model.fields);
}
