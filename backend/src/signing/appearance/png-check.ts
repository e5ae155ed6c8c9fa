/**
 * An uploaded signature or seal image (Nghị định 30/2020, Phụ lục I: PNG on a transparent background):
 * checked from its bytes, never from the name or the type the browser claims.
 */
export const MAX_IMAGE_BYTES = 512 * 1024;
export const MAX_IMAGE_SIDE = 2000;
export const MIN_IMAGE_SIDE = 32;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngInfo {
  width: number;
  height: number;
}

/** The image's size, or a Vietnamese reason why it is refused. */
export function checkPng(b: Buffer | undefined | null): { ok: true; info: PngInfo } | { ok: false; reason: string } {
  if (!b?.length) return { ok: false, reason: 'Chưa chọn tệp ảnh (trường "file").' };
  if (b.length > MAX_IMAGE_BYTES) return { ok: false, reason: `Ảnh quá lớn (${Math.ceil(b.length / 1024)} KB); tối đa ${MAX_IMAGE_BYTES / 1024} KB.` };
  if (b.length < 33 || !b.subarray(0, 8).equals(SIGNATURE) || b.subarray(12, 16).toString('latin1') !== 'IHDR')
    return { ok: false, reason: 'Tệp không phải ảnh PNG.' };
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const colorType = b[25]!;
  if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE)
    return { ok: false, reason: `Kích thước ảnh ${width}×${height} điểm ảnh không hợp lệ; mỗi chiều từ ${MIN_IMAGE_SIDE} đến ${MAX_IMAGE_SIDE}.` };
  // Greyscale+alpha (4), RGBA (6), or a palette/colour image with a tRNS chunk: a transparent background.
  if (colorType !== 4 && colorType !== 6 && !hasChunk(b, 'tRNS'))
    return { ok: false, reason: 'Ảnh phải có nền trong suốt (PNG có kênh alpha).' };
  return { ok: true, info: { width, height } };
}

function hasChunk(b: Buffer, type: string): boolean {
  for (let at = 8; at + 8 <= b.length; ) {
    const len = b.readUInt32BE(at);
    const t = b.subarray(at + 4, at + 8).toString('latin1');
    if (t === type) return true;
    if (t === 'IDAT' || t === 'IEND') return false;
    at += 12 + len;
  }
  return false;
}
