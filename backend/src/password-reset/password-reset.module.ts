import { Module } from '@nestjs/common';
import { LoginAttemptsRepository } from '../auth/login-attempts.repository.js';
import { MailerService } from '../jobs/mailer.service.js';
import { PasswordResetController } from './password-reset.controller.js';
import { PasswordResetRepository } from './password-reset.repository.js';
import { PasswordResetService } from './password-reset.service.js';

/** "Quên mật khẩu": the request, the admins' notification, the one-time e-mailed link. */
@Module({
  controllers: [PasswordResetController],
  providers: [PasswordResetRepository, PasswordResetService, MailerService, LoginAttemptsRepository],
})
export class PasswordResetModule {}
