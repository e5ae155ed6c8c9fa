import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { UsersModule } from '../users/users.module.js';
import { MailerService } from '../notifications/mailer.service.js';
import { PasswordResetController } from './password-reset.controller.js';
import { PasswordResetRepository } from './password-reset.repository.js';
import { PasswordResetService } from './password-reset.service.js';

/** "Quên mật khẩu": the request, the admins' notification, the one-time e-mailed link. */
@Module({
  imports: [AuthModule, NotificationsModule, UsersModule],
  controllers: [PasswordResetController],
  providers: [PasswordResetRepository, PasswordResetService, MailerService],
})
export class PasswordResetModule {}
