import { describe, expect, it } from 'vitest';
import { eventCodeFrom } from './TransitionForm';

describe(eventCodeFrom.name, () => {
  it.each([
    ['Phó hiệu trưởng duyệt', 'PHO_HIEU_TRUONG_DUYET'],
    ['Gửi ký', 'GUI_KY'],
    ['Đề nghị sửa lại', 'DE_NGHI_SUA_LAI'],
    ['  1. Trả về!  ', 'TRA_VE'],
  ])('%s → %s', (label, code) => {
    expect(eventCodeFrom(label)).toBe(code);
    expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });
});
