import { useEffect, useMemo, useState } from 'react';
import { Button, Collapse, Progress } from 'antd';
import type { FormStore } from '../../../shared/schema-form/form-store';
import type { JsonSchema, TemplateValidator } from '../../../shared/schema-form/schema-lib';
import { missingRequired, requiredLeaves, type MissingField } from '../utils/required-fields';

const RECHECK_MS = 400;

/** "Còn 7 trường bắt buộc": a bar of the required fields filled, and a list that jumps to each missing one. */
export function RequiredProgress({
  schema,
  validator,
  store,
  onJump,
}: {
  schema: JsonSchema;
  validator: TemplateValidator;
  store: FormStore;
  onJump: (pointer: string) => void;
}) {
  const total = useMemo(() => requiredLeaves(schema).length, [schema]);
  const check = useMemo(() => () => missingRequired(schema, validator.validateComplete(store.getComputed())), [schema, validator, store]);
  const [missing, setMissing] = useState<MissingField[]>(check);
  useEffect(() => {
    setMissing(check());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(() => setMissing(check()), RECHECK_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store, check]);
  if (!total) return null;
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
