import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module.js';
import { RolesController } from './roles.controller.js';
import { RolesRepository } from './roles.repository.js';
import { RolesService } from './roles.service.js';
import { UnitKindsController } from './unit-kinds.controller.js';
import { UnitKindsRepository } from './unit-kinds.repository.js';
import { UnitKindsService } from './unit-kinds.service.js';

/** Users (assigning roles), flows (lint), submissions (labels) and rounds (unit kinds' labels) import it. */
@Module({
  imports: [OrgModule],
  controllers: [RolesController, UnitKindsController],
  providers: [RolesRepository, RolesService, UnitKindsRepository, UnitKindsService],
  exports: [RolesService, UnitKindsService],
})
export class RolesModule {}
