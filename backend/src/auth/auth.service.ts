import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import argon2 from 'argon2';
import { unauthorized } from '../common/errors.js';
import { UsersRepository } from '../users/users.repository.js';
import { UsersService } from '../users/users.service.js';

// A fixed hash to verify against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | null = null;

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly jwt: JwtService,
  ) {}

  async login(username: string, password: string) {
    const found = await this.users.findForLogin(username.trim().toLowerCase());
    dummyHash ??= argon2.hash('khong-ton-tai', { type: argon2.argon2id });
    const ok = await argon2.verify(found?.passwordHash ?? (await dummyHash), password).catch(() => false);
    if (!found || !ok || !found.active) throw unauthorized('Tên đăng nhập hoặc mật khẩu không đúng.');
    const accessToken = await this.jwt.signAsync({ sub: found.id });
    return { accessToken, user: await this.usersService.view(found.id) };
  }
}
