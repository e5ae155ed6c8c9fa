import type { AuthUser } from './current-user.js';
import { conflict, forbidden } from './errors.js';

export function isBelowOrSame(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(ancestor + '.');
}

/** A unit-owned thing (template, flow) is readable from its subtree and by admins above it. */
export function canRead(user: AuthUser, ownerPath: string | null): boolean {
  if (!ownerPath) return true;
  return isBelowOrSame(user.unitPath, ownerPath) || isBelowOrSame(ownerPath, user.unitPath);
}

/** …and editable by an admin whose subtree contains the owner. */
export function canEdit(user: AuthUser, ownerPath: string | null): boolean {
  return user.roles.includes('admin') && (ownerPath === null ? user.unitPath.split('.').length === 1 : isBelowOrSame(ownerPath, user.unitPath));
}

/**
 * May `user` add a version under a code owned as `owner`? A code seen from another province is
 * only "taken" (409, naming no owner); one owned above the user is read-only (403: clone it).
 */
export function refuseForeignCode(
  user: AuthUser,
  owner: { ownerPath: string | null; claimed: boolean },
  code: string,
  what: string,
  readOnlyMessage: string,
): void {
  if (owner.claimed || canEdit(user, owner.ownerPath)) return;
  if (!canRead(user, owner.ownerPath)) throw conflict(`Mã ${what} "${code}" đã được dùng. Hãy chọn mã khác.`);
  throw forbidden(readOnlyMessage);
}
