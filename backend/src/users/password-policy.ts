import { dictionary } from '@zxcvbn-ts/language-common';
import { normalizeUsername } from './username.js';

export const PASSWORD_MIN_LENGTH = 10;

/** zxcvbn-ts' list of ~49,000 passwords seen most often in leaks, maintained upstream. */
const common = new Set(dictionary['passwords-common']);

/**
 * Why a password is refused, in Vietnamese naming the field, or null when it is acceptable.
 * The same rule for create, import, change, reset and ADMIN_PASSWORD.
 */
export function passwordProblem(password: string, username?: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`;
  const lower = password.normalize('NFC').toLowerCase();
  if (common.has(lower)) return 'Mật khẩu quá phổ biến (nằm trong danh sách mật khẩu hay bị dò), hãy chọn mật khẩu khác.';
  if (username && bare(lower) === bare(normalizeUsername(username))) return 'Mật khẩu không được trùng với tên đăng nhập.';
  return null;
}

/** Letters and digits only: "kc.reviewer" and "kcreviewer!" are the same guess. */
const bare = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');
