import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module.js';
import { MailerService } from './mailer.service.js';
import { NotificationEmails } from './notification-emails.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

/** In-app notifications and their e-mail delivery (the notification-email job and its sweep). */
@Module({
  imports: [JobsModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationsRepository, NotificationEmails, MailerService],
  exports: [NotificationsService, NotificationEmails],
})
export class NotificationsModule {}
