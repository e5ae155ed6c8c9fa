import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { OrgModule } from '../org/org.module.js';
import { RolesModule } from '../roles/roles.module.js';
import { RoundsModule } from '../rounds/rounds.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { EscalationRepository } from './escalation.repository.js';
import { EscalationService } from './escalation.service.js';
import { RegimesController } from './regimes.controller.js';
import { RegimesRepository } from './regimes.repository.js';
import { RegimesService } from './regimes.service.js';

/** Reporting regimes (chế độ báo cáo) and the daily job that opens their rounds. */
@Module({
  imports: [OrgModule, TemplatesModule, RoundsModule, CalendarModule, JobsModule, RolesModule],
  controllers: [RegimesController],
  providers: [RegimesRepository, RegimesService, EscalationRepository, EscalationService],
  exports: [RegimesService, EscalationService],
})
export class RegimesModule {}
