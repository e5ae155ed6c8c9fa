import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { unauthorized } from '../common/errors.js';
import { UsersService } from '../users/users.service.js';
import type { TokenPayload } from './auth.service.js';
import { IS_PUBLIC } from '../common/current-user.js';

@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    if (isPublic) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!token) throw unauthorized('Bạn cần đăng nhập để tiếp tục.');
    let payload: Partial<TokenPayload>;
    try {
      // Only HS256: a token claiming `none` or another algorithm is refused.
      payload = await this.jwt.verifyAsync<TokenPayload>(token, { algorithms: ['HS256'] });
    } catch {
      throw unauthorized();
    }
    // Roles, unit and token version are read fresh from PostgreSQL on every request (nothing cached
    // per replica), so a logout, password change or deactivation revokes earlier tokens at once.
    const found = typeof payload.sub === 'string' ? await this.users.authUser(payload.sub) : null;
    if (!found || found.tokenVersion !== (payload.ver ?? 0)) throw unauthorized();
    const { tokenVersion: _v, ...user } = found;
    req.user = user;
    return true;
  }
}
