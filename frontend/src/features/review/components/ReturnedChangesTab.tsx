import { Typography } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { formatDateTime } from '../../../shared/format/format';
import { FieldChangesTable } from '../../../shared/submission/FieldChangesTable';
import { QueryState } from '../../../shared/ui/QueryState';
import type { FieldChange } from '../../../shared/utils/data-diff';

/** "Thay đổi từ lần trả lại": each field the unit changed since the last return, with both values. */
export function ReturnedChangesTab({
  returned,
  changes,
  unitOf,
  onJump,
}: {
  returned: UseQueryResult<{ at: string } | null>;
  changes: FieldChange[];
  unitOf: (pointer: string) => string | undefined;
  onJump: (pointer: string) => void;
}) {
  return (
    <QueryState isLoading={returned.isLoading} error={returned.error}>
      {() =>
        !returned.data ? (
          <Typography.Paragraph>Báo cáo chưa từng bị trả lại, không có bản trước để so sánh.</Typography.Paragraph>
        ) : (
          <>
            <Typography.Paragraph data-testid="returned-at">
              Lần trả lại gần nhất: {formatDateTime(returned.data.at)}. Đơn vị đã sửa {changes.length} trường kể từ đó.
            </Typography.Paragraph>
            <FieldChangesTable
              changes={changes}
              beforeLabel="Khi trả lại"
              afterLabel="Hiện nay"
              unitOf={unitOf}
              onJump={onJump}
              emptyText="Đơn vị không sửa trường nào."
              testId="changes-since-return"
            />
          </>
        )
      }
    </QueryState>
  );
}
