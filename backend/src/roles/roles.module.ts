import { Global, Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module.js';
import { RolesController } from './roles.controller.js';
import { RolesRepository } from './roles.repository.js';
import { RolesService } from './roles.service.js';

/** Global: users (assigning roles), flows (lint) and submissions (labels) ask it. */
@Global()
@Module({
  imports: [OrgModule],
  controllers: [RolesController],
  providers: [RolesRepository, RolesService],
  exports: [RolesService],
})
export class RolesModule {}
