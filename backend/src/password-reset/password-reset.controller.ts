import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/current-user.js';
import { ForgotPasswordDto, ResetPasswordDto } from './password-reset.dto.js';
import { PasswordResetService } from './password-reset.service.js';

@ApiTags('auth')
@Controller('api/auth')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  /** Always 202 with the same sentence, whether or not the username exists; 429 beyond the hourly limit. */
  @Public()
  @Post('forgot-password')
  @HttpCode(202)
  forgot(@Body() dto: ForgotPasswordDto, @Ip() ip: string) {
    return this.resets.request(dto.username, ip);
  }

  @Public()
  @Post('reset-password')
  @HttpCode(204)
  reset(@Body() dto: ResetPasswordDto) {
    return this.resets.reset(dto.token, dto.newPassword);
  }
}
