import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { JobsModule } from './jobs.module.js';
import { RemindersRepository } from './reminders.repository.js';
import { RemindersService } from './reminders.service.js';
import { UnitRemindersController } from './unit-reminders.controller.js';
import { UnitRemindersService } from './unit-reminders.service.js';

/** The jobs that need domain modules: the hourly deadline reminders and a reviewer's "Nhắc" (flow definitions through submissions, e-mail through notifications). */
@Module({
  imports: [SubmissionsModule, NotificationsModule, JobsModule],
  controllers: [UnitRemindersController],
  providers: [RemindersRepository, RemindersService, UnitRemindersService],
  exports: [RemindersService],
})
export class BackgroundModule {}
