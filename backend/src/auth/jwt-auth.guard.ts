import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { unauthorized } from '../common/errors.js';
import { UsersRepository } from '../users/users.repository.js';
import { IS_PUBLIC } from './current-user.js';

@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    if (isPublic) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!token) throw unauthorized('Bạn cần đăng nhập để tiếp tục.');
    let sub: string;
    try {
      // Only HS256: a token claiming `none` or another algorithm is refused.
      const payload = await this.jwt.verifyAsync<{ sub: string }>(token, { algorithms: ['HS256'] });
      sub = payload.sub;
    } catch {
      throw unauthorized();
    }
    // Roles and unit are read fresh, so a deactivated user or a changed role takes effect at once.
    const user = await this.users.findAuthUser(sub);
    if (!user) throw unauthorized();
    req.user = user;
    return true;
  }
}
