import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import type { LoginResponse, User } from '@bdg/api-types';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ChangePasswordDto } from '../users/users.dto.js';
import { UsersService } from '../users/users.service.js';
import { LoginDto } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { type AuthUser, CurrentUser, Public } from '../common/current-user.js';

@ApiTags('auth')
@Controller('api')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /** `ip` is the socket's address, or the client's as vouched for by TRUST_PROXY_HOPS proxies. */
  @Public()
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResponse> {
    return this.auth.login(dto.username, dto.password, ip);
  }

  @ApiBearerAuth()
  @Post('auth/logout')
  @HttpCode(204)
  logout(@CurrentUser() user: AuthUser) {
    return this.auth.logout(user.id);
  }

  @ApiBearerAuth()
  @Post('auth/password')
  @HttpCode(204)
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto) {
    return this.users.changeOwnPassword(user, dto.currentPassword, dto.newPassword);
  }

  /** The own-password screen: 200 {accessToken} for this session; every earlier token is revoked. */
  @ApiBearerAuth()
  @Post('me/password')
  @HttpCode(200)
  changeMyPassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @Ip() ip: string) {
    return this.auth.changeOwnPassword(user, dto.currentPassword, dto.newPassword, ip);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<User> {
    return this.users.view(user.id);
  }
}
