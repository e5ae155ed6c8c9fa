import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe(passwordProblem.name, () => {
  it.each([
    ['short', 'Abc@12345', undefined, /ít nhất 10 ký tự/],
    ['common (case-insensitive)', 'Password123', undefined, /quá phổ biến/],
    ['common digits', '1234567890', undefined, /quá phổ biến/],
    ['username-like', 'kc.reviewer!!', 'KC.Reviewer', /tên đăng nhập/],
  ])('refuses a %s password with a Vietnamese message naming the field', (_, pw, user, message) => {
    const sut = passwordProblem(pw, user);
    expect(sut).toMatch(message);
    expect(sut).toMatch(/^Mật khẩu/);
  });

  it.each([['Demo@2026!', 'kc.reviewer'], ['Admin@2026', undefined], ['Hoa sen nở 2026', 'hy.admin']])('accepts %s', (pw, user) => {
    expect(passwordProblem(pw, user)).toBeNull();
  });
});
