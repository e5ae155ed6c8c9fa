import type { AuthUser } from '../auth/current-user.js';

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
