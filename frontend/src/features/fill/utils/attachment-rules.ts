import type { AttachmentQuota } from '../../../shared/api/types';
import { formatFileSize } from '../../../shared/format/format';

/** The kinds the server accepts (it decides by content; the browser only pre-checks the name). */
export const ALLOWED_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'jpg', 'jpeg', 'png'];

/**
 * Why a file cannot be attached, or null. The limits are the server's (GET …/attachments/quota);
 * `queued` counts files already picked in this batch but not yet counted by the server.
 */
export function checkAttachment(file: { name: string; size: number }, quota: AttachmentQuota | null, queued = { files: 0, bytes: 0 }): string | null {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  if (!ALLOWED_EXTENSIONS.includes(ext))
    return `Tệp “${file.name}” không đúng định dạng. Chỉ nhận: ${ALLOWED_EXTENSIONS.join(', ')}.`;
  if (file.size === 0) return `Tệp “${file.name}” rỗng.`;
  if (!quota) return null;
  if (file.size > quota.maxFileBytes)
    return `Tệp “${file.name}” vượt quá dung lượng cho phép (tối đa ${formatFileSize(quota.maxFileBytes)} mỗi tệp).`;
  if (quota.files + queued.files + 1 > quota.maxFiles)
    return `Không thêm được “${file.name}”: mỗi báo cáo được đính kèm tối đa ${quota.maxFiles} tệp minh chứng.`;
  if (quota.totalBytes + queued.bytes + file.size > quota.maxTotalBytes)
    return `Không thêm được “${file.name}”: tổng dung lượng minh chứng của một báo cáo tối đa ${formatFileSize(quota.maxTotalBytes)}.`;
  return null;
}

/** The hint under the drop zone, stating the real limits and what is used. */
export function quotaHint(quota: AttachmentQuota | null): string {
  const kinds = 'PDF, Word (DOCX), Excel (XLSX), ảnh JPEG/PNG';
  if (!quota) return `${kinds}.`;
  return (
    `${kinds}; tối đa ${formatFileSize(quota.maxFileBytes)} mỗi tệp, ${quota.maxFiles} tệp và ` +
    `${formatFileSize(quota.maxTotalBytes)} cho mỗi báo cáo (đã dùng ${quota.files} tệp, ${formatFileSize(quota.totalBytes)}).`
  );
}
