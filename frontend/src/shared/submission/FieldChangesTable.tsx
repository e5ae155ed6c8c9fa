import { Button, Table } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { formatValue } from '../format/format';
import type { FieldChange } from '../utils/data-diff';

export interface FieldChangesTableProps {
  changes: FieldChange[];
  /** Column headers of the two versions ("Khi trả lại" / "Hiện nay"). */
  beforeLabel: string;
  afterLabel: string;
  /** The field's unit (x-unit), so a number reads "45,7 %". */
  unitOf?: (pointer: string) => string | undefined;
  /** Makes each field title a link to the field. */
  onJump?: (pointer: string) => void;
  emptyText: string;
  pagination?: false | TablePaginationConfig;
  testId?: string;
}

/**
 * Field-by-field differences: the field's title, then both values formatted the Vietnamese way. Fixed layout and
 * wrapping cells: a long answer breaks onto lines instead of widening the page (390 px phones).
 */
export function FieldChangesTable({ changes, beforeLabel, afterLabel, unitOf, onJump, emptyText, pagination = false, testId }: FieldChangesTableProps) {
  const value = (pointer: string) => (v: unknown) => formatValue(v, unitOf?.(pointer));
  return (
    <Table<FieldChange>
      className="bdg-diff"
      tableLayout="fixed"
      rowKey="path"
      size="small"
      pagination={pagination}
      dataSource={changes}
      data-testid={testId}
      locale={{ emptyText }}
      columns={[
        {
          title: 'Trường',
          dataIndex: 'title',
          render: (t: string, c) =>
            onJump ? (
              <Button type="link" size="small" className="bdg-diff-link" onClick={() => onJump(c.path)}>
                {t}
              </Button>
            ) : (
              t
            ),
        },
        { title: beforeLabel, dataIndex: 'before', render: (v: unknown, c) => value(c.path)(v) },
        { title: afterLabel, dataIndex: 'after', render: (v: unknown, c) => value(c.path)(v) },
      ]}
    />
  );
}
