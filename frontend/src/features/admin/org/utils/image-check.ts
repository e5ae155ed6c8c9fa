/** The browser's first look at a signature or seal image; the server checks the bytes again (png-check.ts). */
export const MAX_IMAGE_BYTES = 512 * 1024;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A Vietnamese reason why the file will be refused, or null. */
export async function checkImageFile(file: Blob): Promise<string | null> {
  if (file.size > MAX_IMAGE_BYTES) return `Ảnh quá lớn (${Math.ceil(file.size / 1024)} KB); tối đa ${MAX_IMAGE_BYTES / 1024} KB.`;
  const head = await firstBytes(file, 26);
  if (head.length < 26 || PNG.some((b, i) => head[i] !== b)) return 'Tệp không phải ảnh PNG.';
  const colorType = head[25];
  // Palette images may carry transparency in a tRNS chunk: the server decides those.
  if (colorType === 0 || colorType === 2) return 'Ảnh phải có nền trong suốt (PNG có kênh alpha).';
  return null;
}

/** FileReader rather than Blob.arrayBuffer: older browsers (and jsdom) lack the latter. */
function firstBytes(file: Blob, n: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error ?? new Error('Không đọc được tệp ảnh.'));
    r.readAsArrayBuffer(file.slice(0, n));
  });
}
