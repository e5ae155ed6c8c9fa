import type { CSSProperties } from 'react';
import { Alert } from 'antd';
import { describeError } from './errors';

/**
 * A failure in Vietnamese — a list that did not load (`prefix` "Không tải được …") or a save that failed
 * (a `useMutation`'s `error`) — and nothing while there is none.
 */
export function ErrorAlert({ error, prefix, style }: { error: unknown; prefix?: string; style?: CSSProperties }) {
  if (!error) return null;
  return <Alert style={style} type="error" showIcon message={prefix ? `${prefix}: ${describeError(error)}` : describeError(error)} />;
}
