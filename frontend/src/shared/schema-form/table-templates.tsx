/** Arrays of rows edited inline as a table: one <tr> per row, one <td> per column, labels in the header. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type {
  ArrayFieldItemTemplateProps,
  ArrayFieldTemplateProps,
  FieldTemplateProps,
  ObjectFieldTemplateProps,
  RJSFSchema,
} from '@rjsf/utils';
import { orderProperties } from '@rjsf/utils';
import { Button, Typography } from 'antd';
import { useContext } from 'react';
import { FormRuntimeContext } from './form-context';
import { toPointer } from '../utils/json-pointer';

type Obj = Record<string, unknown>;

function columnsOf(schema: RJSFSchema, root: RJSFSchema, uiOrder?: unknown): { key: string; title: string }[] {
  let items = schema.items as Obj | undefined;
  if (items && typeof items.$ref === 'string' && items.$ref.startsWith('#/')) {
    items = items.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Obj)[k] : undefined), root) as Obj | undefined;
  }
  const props = (items?.properties ?? {}) as Record<string, Obj>;
  // The header follows the row's `ui:order`, as the cells do (the stored property order is not reliable: jsonb).
  let keys = Object.keys(props);
  if (Array.isArray(uiOrder)) {
    try {
      keys = orderProperties(keys, uiOrder as string[]);
    } catch {
      /* an invalid ui:order: RJSF reports it on the rows */
    }
  }
  return keys.map((key) => ({ key, title: typeof props[key]?.title === 'string' ? (props[key]!.title as string) : key }));
}

export function TableArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { items, canAdd, onAddClick, readonly, disabled, title, schema, registry, fieldPathId, rawErrors } = props;
  const columns = columnsOf(schema, registry.rootSchema, (props.uiSchema?.items as Obj | undefined)?.['ui:order']);
  const editable = !readonly && !disabled;
  const rt = useContext(FormRuntimeContext);
  const tablePointer = toPointer(fieldPathId.path);
  const tableHelp = rt?.derivationHelp?.(tablePointer);
  return (
    <fieldset className="bdg-table-field" id={fieldPathId.$id}>
      {title && (
        <legend>
          <Typography.Text strong>{title}</Typography.Text>
        </legend>
      )}
      {tableHelp && <div className="bdg-help bdg-derivation">{tableHelp}</div>}
      <div className="bdg-table-scroll">
        <table className="bdg-table">
          <thead>
            <tr>
              <th scope="col" className="bdg-table-index">
                STT
              </th>
              {columns.map((c) => (
                <th scope="col" key={c.key}>
                  {c.title}
                  <ColumnHelp text={rt?.derivationHelp?.(tablePointer + toPointer(['*', c.key]))} />
                </th>
              ))}
              {editable && (
                <th scope="col" className="bdg-table-actions">
                  <span className="bdg-visually-hidden">Thao tác</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.length === 0 ? (
              <tr>
                <td colSpan={columns.length + 2} className="bdg-table-empty">
                  Chưa có dòng nào.
                </td>
              </tr>
            ) : (
              items
            )}
          </tbody>
        </table>
      </div>
      {rawErrors && rawErrors.length > 0 && (
        <div role="alert" className="bdg-field-error">
          {rawErrors.join(' ')}
        </div>
      )}
      {editable && canAdd && (
        <Button icon={<PlusOutlined />} onClick={onAddClick} style={{ marginTop: 8 }}>
          Thêm dòng{title ? ` vào “${title}”` : ''}
        </Button>
      )}
    </fieldset>
  );
}

function ColumnHelp({ text }: { text: string | undefined }) {
  return text ? <div className="bdg-help bdg-derivation bdg-column-help">{text}</div> : null;
}

export function TableArrayItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, index, buttonsProps, readonly, disabled } = props;
  const editable = !readonly && !disabled;
  return (
    <tr>
      <td className="bdg-table-index">{index + 1}</td>
      {children}
      {editable && (
        <td className="bdg-table-actions">
          {buttonsProps.hasRemove && (
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={`Xóa dòng ${index + 1}`}
              onClick={buttonsProps.onRemoveItem}
            />
          )}
        </td>
      )}
    </tr>
  );
}

/** The row object itself draws no wrapper: its columns are the cells. */
export function TableRowFieldTemplate(props: FieldTemplateProps) {
  return <>{props.children}</>;
}

export function TableRowObjectTemplate(props: ObjectFieldTemplateProps) {
  const titleOf = (name: string) => (props.schema.properties?.[name] as { title?: string } | undefined)?.title ?? name;
  return (
    <>
      {props.properties.map((p) =>
        p.hidden ? null : (
          // data-label: on a phone each row is a card and each cell says which column it is.
          <td key={p.name} className="bdg-table-cell" data-label={titleOf(p.name)}>
            {p.content}
          </td>
        ),
      )}
    </>
  );
}
