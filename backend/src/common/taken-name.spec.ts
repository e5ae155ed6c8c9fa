import { describe, expect, it } from 'vitest';
import type { AuthUser } from './current-user.js';
import { unitCodeTaken, usernameTaken } from './taken-name.js';

const admin = (unitPath: string) => ({ id: 'a', username: 'x', roles: ['admin'], unitId: 'u', unitPath }) as unknown as AuthUser;

describe('taken names', () => {
  it.each([
    ['the subtree', 'vn.hy.kc', 'Mã đơn vị "KC-1" đã được dùng cho đơn vị "Trường Tân Dân".'],
    ['a unit above', 'vn', 'Mã đơn vị "KC-1" đã được dùng cho đơn vị "Trường Tân Dân".'],
    ['another province', 'vn.gl', 'Mã đơn vị "KC-1" không dùng được. Hãy chọn mã khác.'],
  ])('a unit code held in %s', (_, holderPath, message) => {
    expect(unitCodeTaken(admin('vn.hy'), 'KC-1', { path: holderPath === 'vn' ? 'vn' : holderPath, name: 'Trường Tân Dân' })).toBe(message);
  });

  it('a username held in the subtree names its holder; one held elsewhere says nothing of it', () => {
    const holder = { fullName: 'Nguyễn Thị Hoa', unitName: 'Trường Tân Dân', unitPath: 'vn.hy.kc' };
    expect(usernameTaken(admin('vn.hy'), 'hoa', holder)).toBe('Tên đăng nhập "hoa" đã được dùng cho tài khoản của Nguyễn Thị Hoa (Trường Tân Dân).');
    expect(usernameTaken(admin('vn.gl'), 'hoa', holder)).toBe('Tên đăng nhập "hoa" không dùng được. Hãy chọn tên khác.');
  });
});
