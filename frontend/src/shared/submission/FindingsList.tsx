import { Alert, Button } from 'antd';
import type { RuleFindingView } from '../api/types';

/** Cross-field rules that fail (x-rules): errors block sending, warnings are for the unit and its reviewer to weigh. */
export function FindingsList({ findings, only, onJump }: { findings: RuleFindingView[] | undefined; only?: 'warning' | 'error'; onJump?: (path: string) => void }) {
  const shown = (findings ?? []).filter((f) => !only || f.severity === only);
  if (!shown.length) return null;
  const errors = shown.filter((f) => f.severity === 'error').length;
  return (
    <Alert
      type={errors ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="rule-findings"
      title={errors ? `Số liệu vi phạm ${errors} quy tắc kiểm tra chéo` : `Có ${shown.length} cảnh báo về số liệu`}
      description={<FindingItems findings={shown} onJump={onJump} />}
    />
  );
}

export function FindingItems({ findings, onJump }: { findings: RuleFindingView[]; onJump?: (path: string) => void }) {
  return (
    <ul className="bdg-error-list">
      {findings.map((f, i) => (
        <li key={`${f.ruleId}-${f.path}-${i}`} data-severity={f.severity}>
          {onJump ? (
            <Button type="link" size="small" className="bdg-error-link" onClick={() => onJump(f.path)}>
              {f.title}: {f.message}
            </Button>
          ) : (
            `${f.title}: ${f.message}`
          )}
        </li>
      ))}
    </ul>
  );
}
