import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkPng, MAX_IMAGE_BYTES } from './png-check.js';

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
/** A w×h PNG of the given colour type (6 = RGBA, 2 = RGB). */
export function png(w: number, h: number, colorType = 6): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = colorType;
  const bpp = colorType === 6 ? 4 : 3;
  const raw = Buffer.alloc((w * bpp + 1) * h);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

describe('checkPng', () => {
  it('accepts a transparent PNG and reads its size', () => {
    expect(checkPng(png(200, 80))).toEqual({ ok: true, info: { width: 200, height: 80 } });
  });
  it.each([
    ['nothing', Buffer.alloc(0), /Chưa chọn tệp/],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array(40).fill(0)]), /không phải ảnh PNG/],
    ['too small', png(8, 8), /không hợp lệ/],
    ['too large in pixels', png(2500, 40), /2500×40/],
    ['no transparency', png(100, 50, 2), /nền trong suốt/],
    ['too many bytes', Buffer.concat([png(100, 50), Buffer.alloc(MAX_IMAGE_BYTES)]), /quá lớn/],
  ])('refuses %s', (_l, b, reason) => {
    const r = checkPng(b);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });
});
