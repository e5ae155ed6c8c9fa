/** The next rounds of one saved regime with their dates: what will open by itself, and when. */
import { Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { adminApi } from '../../api/admin-api';
import { adminKeys } from '../../api/query-keys';
import { describeError } from '../../components/errors';
import { PlannedRoundsTable } from './PlannedRoundsTable';

export function RegimePreview({ code }: { code: string }) {
  const preview = useQuery({ queryKey: adminKeys.regimePreview(code), queryFn: () => adminApi.previewRegime(code, 4) });
  if (preview.error) return <Alert type="error" showIcon message={`Không tính được lịch: ${describeError(preview.error)}`} />;
  return <PlannedRoundsTable testId={`regime-preview-${code}`} rounds={preview.data?.rounds ?? []} loading={preview.isLoading} />;
}
