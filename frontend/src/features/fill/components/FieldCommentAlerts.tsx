import { useCallback, useMemo } from 'react';
import { Alert } from 'antd';
import type { RJSFSchema } from '@rjsf/utils';
import type { FieldComment } from '../../../shared/api/types';
import { formatDateTime } from '../../../shared/format/format';

function groupComments(comments: FieldComment[]): Map<string, FieldComment[]> {
  const m = new Map<string, FieldComment[]>();
  for (const c of comments) m.set(c.path, [...(m.get(c.path) ?? []), c]);
  return m;
}

/** The level above's comments shown under their fields; undefined when there are none (the form renders no extras). */
export function useFieldCommentExtras(comments: FieldComment[] | undefined) {
  const byPath = useMemo(() => groupComments(comments ?? []), [comments]);
  const render = useCallback(
    (pointer: string, _schema: RJSFSchema) => {
      const list = byPath.get(pointer);
      if (!list) return null;
      return list.map((c, i) => (
        <Alert
          key={i}
          type="warning"
          showIcon
          className="bdg-field-comment"
          data-testid={`field-comment-${pointer}`}
          title={`Ý kiến của ${c.byName ?? 'cấp trên'}${c.at ? ` (${formatDateTime(c.at)})` : ''}: ${c.text}`}
        />
      ));
    },
    [byPath],
  );
  return byPath.size ? render : undefined;
}
