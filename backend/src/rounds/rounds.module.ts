import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { FlowsModule } from '../flows/flows.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RolesModule } from '../roles/roles.module.js';
import { OrgModule } from '../org/org.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { RoundsController } from './rounds.controller.js';
import { RoundsRepository } from './rounds.repository.js';
import { RoundsService } from './rounds.service.js';

@Module({
  imports: [OrgModule, TemplatesModule, FlowsModule, CalendarModule, NotificationsModule, RolesModule],
  controllers: [RoundsController],
  providers: [RoundsRepository, RoundsService],
  exports: [RoundsRepository, RoundsService],
})
export class RoundsModule {}
