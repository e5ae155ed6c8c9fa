/** A paged admin list: its load failure, the server-side search box and the table (usePagedList's props). */
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { SearchBox } from '../../../shared/paging/SearchBox';
import type { usePagedList } from '../../../shared/paging/use-paged-list';
import { ErrorAlert } from './ErrorAlert';

interface Props<T> {
  list: ReturnType<typeof usePagedList<T>>;
  /** "Không tải được …" */
  errorPrefix: string;
  searchPlaceholder: string;
  searchTestId: string;
  rowKey: keyof T & string;
  columns: ColumnsType<T>;
  emptyText?: string;
}

export function PagedTable<T extends object>({ list, errorPrefix, searchPlaceholder, searchTestId, rowKey, columns, emptyText }: Props<T>) {
  return (
    <>
      <ErrorAlert error={list.query.error} prefix={errorPrefix} />
      <SearchBox value={list.search} onChange={list.setSearch} placeholder={searchPlaceholder} testId={searchTestId} />
      <Table<T> rowKey={rowKey} {...list.tableProps} columns={columns} locale={emptyText ? { emptyText } : undefined} />
    </>
  );
}
