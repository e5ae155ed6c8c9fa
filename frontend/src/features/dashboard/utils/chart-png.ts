import { saveBlob } from '../../../shared/api/save-blob';
import { asciiSlug } from '../../../shared/utils/ascii-slug';

/** Saves a rendered recharts <svg> as a PNG (white background, 2× for print). */
export async function downloadSvgAsPng(container: HTMLElement | null, fileName: string, scale = 2): Promise<void> {
  const svg = container?.querySelector('svg.recharts-surface') ?? container?.querySelector('svg');
  if (!svg) throw new Error('Không tìm thấy biểu đồ để tải xuống.');
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const xml = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = await new Promise<HTMLImageElement>((resolve, reject) => {
      const i = new Image();
      i.onload = () => resolve(i);
      i.onerror = () => reject(new Error('Không tạo được ảnh biểu đồ.'));
      i.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('Trình duyệt không hỗ trợ xuất ảnh.');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
    if (!blob) throw new Error('Không tạo được ảnh biểu đồ.');
    saveBlob(blob, fileName.endsWith('.png') ? fileName : `${fileName}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file name without Vietnamese marks or spaces: "Tỷ lệ nữ CBQL" → "ty-le-nu-cbql". */
export const slugify = (text: string): string => asciiSlug(text);
