import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { JobsModule } from './jobs.module.js';
import { RemindersService } from './reminders.service.js';

/** The hourly deadline reminders: they read flow definitions through submissions, e-mail through notifications. */
@Module({
  imports: [SubmissionsModule, NotificationsModule, JobsModule],
  providers: [RemindersService],
  exports: [RemindersService],
})
export class BackgroundModule {}
