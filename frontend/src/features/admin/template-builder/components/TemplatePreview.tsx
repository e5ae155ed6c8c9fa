/**
 * Live preview with the fill page's own form component (shared/schema-form), filled with sample
 * answers and computed fields, so an admin sees exactly what a school will see.
 */
import { Alert, Button, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { applyComputed } from '@bdg/schemas';
import { SchemaForm, useSections } from '../../../../shared/schema-form/SchemaForm';
import { FormStore } from '../../../../shared/schema-form/form-store';
import { prepareForm } from '../../../../shared/schema-form/prepare-form';
import { ErrorBoundary } from '../../../../shared/ui/ErrorBoundary';
import type { JsonObject, TemplateModel } from '../utils/field-model';
import { modelToSchema } from '../utils/field-model';
import { sampleData } from '../utils/sample-data';

/** The model, settled for `ms` after the last edit, so typing does not rebuild the form per key. */
function useSettled<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

function PreviewForm({
  schema,
  uiSchema,
  data,
}: {
  schema: JsonObject;
  uiSchema: JsonObject;
  data: Record<string, unknown>;
}) {
  const prepared = useMemo(() => prepareForm(schema, uiSchema), [schema, uiSchema]);
  const store = useMemo(
    () => new FormStore(data, (d) => applyComputed(schema as never, d) as Record<string, unknown>),
    [schema, data],
  );
  const sections = useSections(prepared);
  return <SchemaForm prepared={prepared} store={store} sections={sections} />;
}

export function TemplatePreview({ model }: { model: TemplateModel }) {
  const settled = useSettled(model, 400);
  const [withSample, setWithSample] = useState(true);
  const [resetKey, setResetKey] = useState(0);
  const { schema, uiSchema } = useMemo(() => modelToSchema(settled), [settled]);
  const data = useMemo(() => (withSample ? sampleData(settled) : {}), [settled, withSample]);
  const key = useMemo(
    () => `${resetKey}:${JSON.stringify(schema).length}:${JSON.stringify(uiSchema).length}:${withSample}`,
    [schema, uiSchema, resetKey, withSample],
  );
  return (
    <div data-testid="template-preview">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">Xem trước đúng như đơn vị sẽ thấy khi điền.</Typography.Text>
        <Button size="small" onClick={() => setWithSample((v) => !v)}>
          {withSample ? 'Xem biểu mẫu trống' : 'Điền dữ liệu mẫu'}
        </Button>
        <Button size="small" onClick={() => setResetKey((k) => k + 1)}>
          Làm mới
        </Button>
      </Space>
      {settled.fields.length === 0 ? (
        <Alert type="info" message="Biểu mẫu chưa có câu hỏi nào để xem trước." />
      ) : (
        <ErrorBoundary resetKey={key}>
          <PreviewForm key={key} schema={schema} uiSchema={uiSchema} data={data} />
        </ErrorBoundary>
      )}
    </div>
  );
}
