import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { FlowsModule } from '../flows/flows.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RolesModule } from '../roles/roles.module.js';
import { OrgModule } from '../org/org.module.js';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { ProgressRepository } from './progress.repository.js';
import { ProgressService } from './progress.service.js';
import { RoundOpeningService } from './round-opening.service.js';
import { RoundsController } from './rounds.controller.js';
import { RoundsRepository } from './rounds.repository.js';
import { RoundsService } from './rounds.service.js';

@Module({
  imports: [OrgModule, TemplatesModule, FlowsModule, CalendarModule, NotificationsModule, RolesModule, JobsModule, SubmissionsModule],
  controllers: [RoundsController],
  providers: [RoundsRepository, RoundsService, RoundOpeningService, ProgressRepository, ProgressService],
  exports: [RoundsRepository, RoundsService, ProgressRepository],
})
export class RoundsModule {}
