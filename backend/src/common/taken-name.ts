import type { AuthUser } from './current-user.js';
import { isBelowOrSame } from './access.js';

/**
 * Unit codes and usernames are one national namespace, so a name in use anywhere cannot be taken
 * again. Who holds it is told only to an admin who may see the holder (its subtree, or a unit above
 * it); anyone else hears the same neutral refusal whatever province holds the name, so probing does
 * not reveal another subtree's units or people.
 */
export function unitCodeTaken(user: AuthUser, code: string, holder: { path: string; name: string }): string {
  const visible = isBelowOrSame(holder.path, user.unitPath) || isBelowOrSame(user.unitPath, holder.path);
  return visible ? `Mã đơn vị "${code}" đã được dùng cho đơn vị "${holder.name}".` : `Mã đơn vị "${code}" không dùng được. Hãy chọn mã khác.`;
}

export function usernameTaken(user: AuthUser, username: string, holder: { fullName: string; unitName: string; unitPath: string }): string {
  return isBelowOrSame(holder.unitPath, user.unitPath)
    ? `Tên đăng nhập "${username}" đã được dùng cho tài khoản của ${holder.fullName} (${holder.unitName}).`
    : `Tên đăng nhập "${username}" không dùng được. Hãy chọn tên khác.`;
}
