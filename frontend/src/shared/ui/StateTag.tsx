import { isStatusTag } from '@bdg/workflows';
import { Tag } from 'antd';

/** Colour by the state's meaning (its status tag), never by its name. Dark fills with white text: every pair passes WCAG AA (≥ 4.5:1). */
const COLORS: Record<string, string> = {
  editing: '#595959',
  collecting: '#595959',
  awaitingApproval: '#874d00',
  awaitingSignature: '#874d00',
  submitted: '#0958d9',
  returned: '#a8071a',
  done: '#237804',
};

export function StateTag({ state, label, status: given, tags }: { state: string; label?: string; status?: string | null; tags?: string[] }) {
  const status = given ?? tags?.find(isStatusTag);
  return (
    <Tag color={(status && COLORS[status]) || '#434343'} data-state={state} data-status={status ?? undefined}>
      {label ?? state}
    </Tag>
  );
}
