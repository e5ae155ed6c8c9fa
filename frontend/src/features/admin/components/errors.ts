import { ApiError } from '../../../shared/api/client';

/** A Vietnamese sentence for any failure, with the server's field problems when it sent them. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    const problems = err.fieldProblems
      .slice(0, 5)
      .map((p) => (p.title ? `${p.title}: ${p.message}` : p.message))
      .join('; ');
    if (err.status === 409)
      return `${err.message} (dữ liệu đã bị người khác thay đổi hoặc không còn sửa được).`;
    return problems ? `${err.message} — ${problems}` : err.message;
  }
  if (err instanceof Error) return err.message;
  return 'Đã có lỗi không xác định.';
}

/** Findings the server returned in a 422 (`details` = lint findings). */
export function serverFindings(
  err: unknown,
): { severity: 'error' | 'warning'; path: string; message: string }[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return [];
  return (err.details as Record<string, unknown>[]).map((d) => ({
    severity: d.severity === 'warning' ? 'warning' : 'error',
    path: typeof d.path === 'string' ? d.path : '',
    message: typeof d.message === 'string' ? d.message : String(d.message ?? ''),
  }));
}
