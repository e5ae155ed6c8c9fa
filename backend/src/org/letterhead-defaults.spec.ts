import { describe, expect, it } from 'vitest';
import { defaultGoverningBody, defaultHeadTitle, defaultShortName, defaultSignAuthority } from './letterhead-defaults.js';

const u = (name: string, kind: string, placeName: string | null = null) => ({ name, kind, placeName });

describe('letterhead defaults', () => {
  it.each([
    ['a Sở → UBND TỈNH', u('Sở Giáo dục và Đào tạo Hưng Yên', 'so', 'Hưng Yên'), u('Bộ Giáo dục và Đào tạo', 'bo'), 'UBND TỈNH HƯNG YÊN'],
    ['a Phòng → UBND HUYỆN', u('Phòng Giáo dục và Đào tạo Khoái Châu', 'phong', 'Khoái Châu'), u('Sở GD&ĐT Hưng Yên', 'so'), 'UBND HUYỆN KHOÁI CHÂU'],
    ['a primary school after 07/2025 → its commune', u('Trường Tiểu học Tân Lạc', 'truong_th', 'Tân Lạc'), u('UBND xã Tân Lạc', 'xa'), 'UBND XÃ TÂN LẠC'],
    ['an upper-secondary school → the Sở', u('Trường THPT Công Nghiệp', 'truong_thpt'), u('Sở Giáo dục và Đào tạo Phú Thọ', 'so'), 'SỞ GIÁO DỤC VÀ ĐÀO TẠO PHÚ THỌ'],
    ['a commune has none', u('UBND xã Tân Lạc', 'xa', 'Tân Lạc'), u('Sở Giáo dục và Đào tạo Phú Thọ', 'so'), null],
  ])('%s', (_n, unit, parent, expected) => {
    expect(defaultGoverningBody(unit, parent)).toBe(expected);
  });

  it('short names, head titles and the TM. line', () => {
    expect(defaultShortName(u('Sở GD&ĐT', 'so'))).toBe('SGDĐT');
    expect(defaultShortName(u('Trường Tiểu học Tân Dân', 'truong_th'))).toBe('THTD');
    expect(defaultShortName(u('Trường THCS Đông Kết', 'truong_thcs'))).toBe('THCSĐK');
    expect(defaultShortName(u('Trường Mầm non Bình Minh', 'truong_mn'))).toBe('MNBM');
    expect(defaultHeadTitle('phong')).toBe('TRƯỞNG PHÒNG');
    expect(defaultSignAuthority('xa')).toBe('TM. ỦY BAN NHÂN DÂN');
    expect(defaultSignAuthority('so')).toBeNull();
  });
});
