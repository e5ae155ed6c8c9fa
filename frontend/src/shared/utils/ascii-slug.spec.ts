import { describe, expect, it } from 'vitest';
import { asciiSlug } from './ascii-slug';

describe('asciiSlug', () => {
  it('drops the marks, folds đ and joins the words with the separator', () => {
    expect(asciiSlug('Tỷ lệ nữ CBQL')).toBe('ty-le-nu-cbql');
    expect(asciiSlug('  Đội ngũ (THCS) — 2025 ', '_')).toBe('doi_ngu_thcs_2025');
    expect(asciiSlug('!!!')).toBe('');
  });
});
