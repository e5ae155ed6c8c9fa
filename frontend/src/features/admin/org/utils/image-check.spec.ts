import { describe, expect, it } from 'vitest';
import { checkImageFile, MAX_IMAGE_BYTES } from './image-check';

const header = (colorType: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 100, 0, 0, 0, 50, 8, colorType, 0, 0, 0]);

describe('checkImageFile', () => {
  it('accepts a PNG with an alpha channel', async () => {
    expect(await checkImageFile(new Blob([header(6)]))).toBeNull();
  });
  it.each([
    ['a JPEG', new Blob([new Uint8Array([0xff, 0xd8, 0xff, ...Array(30).fill(0)])]), /không phải ảnh PNG/],
    ['an opaque RGB PNG', new Blob([header(2)]), /nền trong suốt/],
    ['a file over the limit', new Blob([header(6), new Uint8Array(MAX_IMAGE_BYTES)]), /quá lớn/],
  ])('refuses %s', async (_l, blob, reason) => {
    expect(await checkImageFile(blob)).toMatch(reason);
  });
});
