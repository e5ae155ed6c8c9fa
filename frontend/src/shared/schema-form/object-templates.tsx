/** The form's top level as collapsible sections (one per top-level property), nested groups as titled blocks. */
import { useContext } from 'react';
import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import { Collapse, Typography } from 'antd';
import { FormRuntimeContext } from './form-context';

/** Sections painted in the first frame of a large form. */
const EAGER_SECTIONS = 2;

export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const rt = useContext(FormRuntimeContext);
  if (props.fieldPathId.path.length > 0 || !rt) return <GroupTemplate {...props} />;
  const rootSchema = props.schema;
  const loose = props.properties.filter((p) => !p.hidden && !isGroup(rootSchema, p.name));
  const groups = props.properties.filter((p) => !p.hidden && isGroup(rootSchema, p.name));
  return (
    <div className="bdg-form-root">
      {loose.length > 0 && (
        <div className="bdg-section-loose">
          {loose.map((p) => (
            <div key={p.name}>{p.content}</div>
          ))}
        </div>
      )}
      <Collapse
        activeKey={rt.activeSections}
        onChange={(keys) => rt.setActiveSections(Array.isArray(keys) ? keys.map(String) : [String(keys)])}
        items={groups.map((p, index) => ({
          key: p.name,
          id: `section-${p.name}`,
          label: (
            <Typography.Text strong id={`section-title-${p.name}`}>
              {sectionTitle(rootSchema, p.name)}
            </Typography.Text>
          ),
          children: (
            <div className="bdg-section-body">
              {rt.mountAll || index < EAGER_SECTIONS ? (
                p.content
              ) : (
                <div aria-busy="true" className="bdg-help">
                  Đang hiển thị…
                </div>
              )}
            </div>
          ),
        }))}
      />
    </div>
  );
}

/**
 * A nested group: a titled fieldset with its fields. Lighter than antd's template (a Row/Col per field), which
 * matters on 300-field forms.
 */
function GroupTemplate(props: ObjectFieldTemplateProps) {
  const { title, description, properties, fieldPathId, optionalDataControl } = props;
  const nested = fieldPathId.path.length > 1;
  const body = (
    <>
      {description && <div className="bdg-help">{description}</div>}
      {optionalDataControl}
      {properties.map((p) => (p.hidden ? <div key={p.name} hidden>{p.content}</div> : <div key={p.name}>{p.content}</div>))}
    </>
  );
  // Sections already carry their title in the panel header; deeper groups get a fieldset and legend.
  if (!nested || !title) return <div id={fieldPathId.$id}>{body}</div>;
  return (
    <fieldset className="bdg-group" id={fieldPathId.$id}>
      <legend>{title}</legend>
      {body}
    </fieldset>
  );
}

type Obj = Record<string, unknown>;
function propSchema(schema: Obj, name: string): Obj | undefined {
  const props = schema.properties as Record<string, Obj> | undefined;
  return props?.[name];
}
function isGroup(schema: Obj, name: string): boolean {
  const s = propSchema(schema, name);
  if (!s) return false;
  return s.type === 'object' || s.type === 'array' || !!s.properties || !!s.items || typeof s.$ref === 'string';
}
function sectionTitle(schema: Obj, name: string): string {
  const s = propSchema(schema, name);
  return typeof s?.title === 'string' ? s.title : name;
}
