/** What may be attached as evidence (checked in the browser; the server checks again). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const ALLOWED_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'odt', 'ods', 'jpg', 'jpeg', 'png'];

export function checkAttachment(file: { name: string; size: number }): string | null {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  if (!ALLOWED_EXTENSIONS.includes(ext))
    return `Tệp “${file.name}” không đúng định dạng. Chỉ nhận: ${ALLOWED_EXTENSIONS.join(', ')}.`;
  if (file.size > MAX_ATTACHMENT_BYTES) return `Tệp “${file.name}” vượt quá dung lượng cho phép (tối đa 20 MB).`;
  if (file.size === 0) return `Tệp “${file.name}” rỗng.`;
  return null;
}
