import type { ReactNode } from 'react';
import { Alert, Button, Skeleton } from 'antd';
import { errorMessage } from '../api/client';

/** Loading and error states of a query, in Vietnamese, with a retry. */
export function QueryState({
  isLoading,
  error,
  onRetry,
  children,
}: {
  isLoading: boolean;
  error: unknown;
  onRetry?: () => void;
  children: () => ReactNode;
}) {
  if (isLoading) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (error)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={errorMessage(error)}
        action={
          onRetry && (
            <Button size="small" onClick={onRetry}>
              Thử lại
            </Button>
          )
        }
      />
    );
  return <>{children()}</>;
}
