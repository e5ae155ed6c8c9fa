import { Module } from '@nestjs/common';
import { FlowsModule } from '../flows/flows.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { DefinitionsService } from './definitions.service.js';
import { SubmissionsController } from './submissions.controller.js';
import { SubmissionsRepository } from './submissions.repository.js';
import { SubmissionsService } from './submissions.service.js';

@Module({
  imports: [TemplatesModule, FlowsModule],
  controllers: [SubmissionsController],
  providers: [SubmissionsRepository, SubmissionsService, DefinitionsService],
  exports: [SubmissionsRepository, SubmissionsService, DefinitionsService],
})
export class SubmissionsModule {}
