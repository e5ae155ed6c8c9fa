import { Tag } from 'antd';

/** Dark fills with white text: every pair passes WCAG AA (≥ 4.5:1). */
const COLORS: Record<string, string> = {
  draft: '#595959',
  collecting: '#595959',
  pending_signature: '#874d00',
  submitted: '#0958d9',
  returned: '#a8071a',
  accepted: '#237804',
  published: '#237804',
};

export function StateTag({ state, label }: { state: string; label?: string }) {
  return (
    <Tag color={COLORS[state] ?? '#434343'} data-state={state}>
      {label ?? state}
    </Tag>
  );
}
