import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthUser } from '../common/current-user.js';
import { unauthorized } from '../common/errors.js';
import { UsersService } from '../users/users.service.js';
import { normalizeUsername } from '../users/username.js';
import { LoginLimiter } from './login-limiter.js';
import { PasswordHasher } from '../users/password-hasher.js';

/** What a token carries: the user and the token version it was issued under. */
export interface TokenPayload {
  sub: string;
  ver: number;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly usersService: UsersService,
    private readonly jwt: JwtService,
    private readonly limiter: LoginLimiter,
    private readonly hasher: PasswordHasher,
  ) {}

  async login(rawUsername: string, password: string, address: string) {
    const username = normalizeUsername(rawUsername);
    await this.limiter.check(username, address);
    const found = await this.usersService.findForLogin(username);
    const ok = await this.hasher.verify(found?.passwordHash, password, address);
    if (!found || !ok || !found.active) throw unauthorized('Tên đăng nhập hoặc mật khẩu không đúng.');
    const payload: TokenPayload = { sub: found.id, ver: found.tokenVersion };
    const accessToken = await this.jwt.signAsync(payload);
    return { accessToken, user: await this.usersService.view(found.id) };
  }

  /**
   * The signed-in user changes their own password: the current one proves it is them (attempts
   * counted like sign-ins), every token they held stops working — other browsers and devices —
   * and this session goes on with a fresh token under the new token version.
   */
  async changeOwnPassword(user: AuthUser, currentPassword: string, newPassword: string, address: string) {
    await this.limiter.check(user.username, address);
    await this.usersService.changeOwnPassword(user, currentPassword, newPassword);
    const found = await this.usersService.findForLogin(user.username);
    if (!found?.active) throw unauthorized('Phiên đăng nhập đã hết hiệu lực.');
    const payload: TokenPayload = { sub: found.id, ver: found.tokenVersion };
    return { accessToken: await this.jwt.signAsync(payload) };
  }

  /** Every token the user holds stops working at once, on every replica. */
  async logout(userId: string) {
    await this.usersService.revokeTokens(userId, userId);
  }
}
