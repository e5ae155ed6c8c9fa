import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { JobsModule } from './jobs.module.js';
import { MailerService } from './mailer.service.js';
import { RemindersService } from './reminders.service.js';

/** Deadline reminders and notification e-mails (they read flow definitions through submissions). */
@Module({
  imports: [SubmissionsModule, JobsModule],
  providers: [MailerService, RemindersService],
  exports: [RemindersService, MailerService],
})
export class BackgroundModule {}
