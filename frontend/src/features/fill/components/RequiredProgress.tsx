import { useEffect, useMemo, useState } from 'react';
import { Button, Collapse, Progress } from 'antd';
import type { FormStore } from '../../../shared/schema-form/form-store';
import type { FieldError, JsonSchema, TemplateValidator } from '../../../shared/schema-form/schema-lib';
import { missingRequired, requiredLeaves, type MissingField } from '../utils/required-fields';

const RECHECK_MS = 400;

/**
 * "Còn 7 trường bắt buộc": a bar of the required fields filled, and a list that jumps to each missing one. Live from
 * the page's check (`validator`) once it has loaded; before that, from the server's check of the stored data (`stored`)
 * while the form shows that data unchanged; otherwise "Đang tải kiểm tra…", never a count it has not checked.
 */
export function RequiredProgress({
  schema,
  validator,
  stored,
  store,
  onJump,
}: {
  schema: JsonSchema;
  validator: TemplateValidator | undefined;
  stored: FieldError[] | null;
  store: FormStore;
  onJump: (pointer: string) => void;
}) {
  const total = useMemo(() => requiredLeaves(schema).length, [schema]);
  const check = useMemo(
    () => (): MissingField[] | null =>
      validator ? missingRequired(schema, validator.validateComplete(store.getComputed())) : stored && missingRequired(schema, stored),
    [schema, validator, stored, store],
  );
  const [missing, setMissing] = useState<MissingField[] | null>(check);
  useEffect(() => {
    setMissing(check());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe(() => {
      clearTimeout(timer);
      // the stored data's list no longer applies once the clerk changes something
      if (!validator) setMissing(null);
      else timer = setTimeout(() => setMissing(check()), RECHECK_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store, check, validator]);
  if (!total) return null;
  if (!missing) return <CheckLoading total={total} />;
  const done = Math.max(0, total - missing.length);
  const label = missing.length ? `Còn ${missing.length} trường bắt buộc` : 'Đã nhập đủ các trường bắt buộc';
  return (
    <section className="bdg-required-progress" aria-label="Tiến độ nhập các trường bắt buộc" data-testid="required-progress">
      <div className="bdg-required-progress-head">
        <strong data-testid="required-progress-label">{label}</strong>
        <span>
          {done}/{total}
        </span>
      </div>
      <Progress percent={Math.round((done / total) * 100)} showInfo={false} aria-label={label} status={missing.length ? 'active' : 'success'} />
      {missing.length > 0 && (
        <Collapse
          size="small"
          ghost
          items={[
            {
              key: 'missing',
              label: 'Xem các trường còn thiếu',
              children: (
                <ul className="bdg-error-list" data-testid="required-missing-list">
                  {missing.map((m) => (
                    <li key={m.path}>
                      <Button type="link" size="small" className="bdg-error-link bdg-jump-link" onClick={() => onJump(m.path)}>
                        {m.title}
                      </Button>
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

/** Before the page's check is in (and the server's list no longer applies): no count, nothing claimed. */
function CheckLoading({ total }: { total: number }) {
  return (
    <section className="bdg-required-progress" aria-label="Tiến độ nhập các trường bắt buộc" aria-busy="true" data-testid="required-progress">
      <div className="bdg-required-progress-head">
        <strong data-testid="required-progress-label">Đang tải kiểm tra…</strong>
        <span>{total} trường bắt buộc</span>
      </div>
    </section>
  );
}
