import type { CSSProperties } from 'react';
import { Alert } from 'antd';
import { describeError } from './errors';

/** A failed save's message under a form (a `useMutation`'s `error`), in Vietnamese; nothing while there is none. */
export function MutationError({ error, style }: { error: unknown; style?: CSSProperties }) {
  if (!error) return null;
  return <Alert style={style} type="error" showIcon message={describeError(error)} />;
}
