import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { MailerService } from './mailer.service.js';
import { RemindersService } from './reminders.service.js';
import { UnitRemindersController } from './unit-reminders.controller.js';
import { UnitRemindersService } from './unit-reminders.service.js';

/** The jobs that need domain modules: reminders (scheduled and a reviewer's "Nhắc"), notification e-mails, compile-large. */
@Module({
  imports: [SubmissionsModule],
  controllers: [UnitRemindersController],
  providers: [MailerService, RemindersService, UnitRemindersService],
  exports: [RemindersService, MailerService],
})
export class BackgroundModule {}
