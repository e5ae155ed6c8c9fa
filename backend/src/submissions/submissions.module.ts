import { Module } from '@nestjs/common';
import { FlowsModule } from '../flows/flows.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { CompileRepository } from './compile.repository.js';
import { CompileService } from './compile.service.js';
import { CoverageService } from './coverage.service.js';
import { CompilePreviewService } from './compile-preview.service.js';
import { TraceService } from './trace.service.js';
import { BulkAcceptService } from './bulk-accept.service.js';
import { ReviewController } from './review.controller.js';
import { DefinitionsService } from './definitions.service.js';
import { SubmissionsController } from './submissions.controller.js';
import { SubmissionsRepository } from './submissions.repository.js';
import { SubmissionsService } from './submissions.service.js';

@Module({
  imports: [TemplatesModule, FlowsModule],
  controllers: [ReviewController, SubmissionsController],
  providers: [SubmissionsRepository, SubmissionsService, DefinitionsService, CompileRepository, CompileService, CoverageService, CompilePreviewService, TraceService, BulkAcceptService],
  exports: [SubmissionsRepository, SubmissionsService, DefinitionsService, CompileService, CoverageService],
})
export class SubmissionsModule {}
