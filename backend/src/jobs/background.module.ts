import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { MailerService } from './mailer.service.js';
import { RemindersService } from './reminders.service.js';

/** The jobs that need domain modules: reminders, notification e-mails, compile-large. */
@Module({
  imports: [SubmissionsModule],
  providers: [MailerService, RemindersService],
  exports: [RemindersService, MailerService],
})
export class BackgroundModule {}
