import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';

/** The signed-in user as every service sees it: who, which unit (and its tree path), which roles. */
export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  unitId: string;
  unitPath: string;
  roles: string[];
}

export const IS_PUBLIC = 'isPublic';
/** A route anyone may call (login, health). Everything else needs a bearer token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest().user as AuthUser;
});

export function hasRole(user: AuthUser, role: string): boolean {
  return user.roles.includes(role);
}
