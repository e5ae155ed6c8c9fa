import { describe, expect, it } from 'vitest';
import { png } from '../../test-support/png.js';
import { checkPng, MAX_IMAGE_BYTES } from './png-check.js';

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
