import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module.js';
import { RolesController } from './roles.controller.js';
import { RolesRepository } from './roles.repository.js';
import { RolesService } from './roles.service.js';

/** Users (assigning roles), flows (lint) and submissions (labels) import it. */
@Module({
  imports: [OrgModule],
  controllers: [RolesController],
  providers: [RolesRepository, RolesService],
  exports: [RolesService],
})
export class RolesModule {}
