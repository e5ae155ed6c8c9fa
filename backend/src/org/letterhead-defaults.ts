/**
 * Sensible letterhead defaults for a unit (Nghị định 30/2020, Phụ lục I): its governing body (tên cơ
 * quan chủ quản), its short name for the số ký hiệu, and its head's title. Pure: used by the seed
 * and by the migration that fills the columns on an existing tree. An admin overrides any of them.
 */
export interface UnitFacts {
  name: string;
  kind: string;
  placeName: string | null;
}

const upperVi = (s: string): string => s.normalize('NFC').toLocaleUpperCase('vi-VN');

/**
 * Sở → UBND TỈNH <place>; Phòng → UBND HUYỆN <place>; after 07/2025 a school under a commune →
 * that commune's UBND, an upper-secondary school under the Sở → the Sở; before the reform a school
 * under a Phòng → the Phòng. A commune's UBND (and the ministry) has none.
 */
export function defaultGoverningBody(unit: UnitFacts, parent: UnitFacts | null): string | null {
  const place = unit.placeName?.trim();
  if (unit.kind === 'so') return place ? `UBND TỈNH ${upperVi(place)}` : null;
  if (unit.kind === 'phong') return place ? `UBND HUYỆN ${upperVi(place)}` : null;
  if (unit.kind.startsWith('truong') && parent) return upperVi(parent.name);
  return null;
}

/** Initials for the số ký hiệu: "Sở Giáo dục và Đào tạo" → "SGDĐT", "Trường Tiểu học Tân Dân" → "THTD". */
export function defaultShortName(unit: UnitFacts): string {
  if (unit.kind === 'so') return 'SGDĐT';
  if (unit.kind === 'phong') return 'PGDĐT';
  if (unit.kind === 'xa') return 'UBND';
  const words = unit.name
    .normalize('NFC')
    .replace(/^Trường\s+/i, '')
    .replace(/^(THCS|THPT|TH)\b/, (m) => m.split('').join(' '))
    .split(/\s+/)
    .filter((w) => w && w.toLowerCase() !== 'và');
  return upperVi(words.map((w) => w[0]).join('')).slice(0, 12) || 'ĐV';
}

/** Chức danh of the unit's head, in capitals as on the signer block. */
export function defaultHeadTitle(kind: string): string {
  if (kind === 'so') return 'GIÁM ĐỐC';
  if (kind === 'phong') return 'TRƯỞNG PHÒNG';
  if (kind === 'xa') return 'CHỦ TỊCH';
  if (kind.startsWith('truong')) return 'HIỆU TRƯỞNG';
  return 'THỦ TRƯỞNG ĐƠN VỊ';
}

/** TM. for a collective body (a commune's UBND signs "TM. ỦY BAN NHÂN DÂN"); none for a single head. */
export function defaultSignAuthority(kind: string): string | null {
  return kind === 'xa' ? 'TM. ỦY BAN NHÂN DÂN' : null;
}
