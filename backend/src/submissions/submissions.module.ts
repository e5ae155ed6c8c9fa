import { Module } from '@nestjs/common';
import { FlowsModule } from '../flows/flows.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrgModule } from '../org/org.module.js';
import { RolesModule } from '../roles/roles.module.js';
import { SigningModule } from '../signing/signing.module.js';
import { UsersModule } from '../users/users.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { CompileRepository } from './compile.repository.js';
import { CompileService } from './compile.service.js';
import { RollUpPool } from './roll-up-pool.js';
import { CoverageService } from './coverage.service.js';
import { CompilePreviewService } from './compile-preview.service.js';
import { TraceService } from './trace.service.js';
import { CompileLargeJob } from './compile-large.job.js';
import { IntegrityService } from './integrity.service.js';
import { TransitionsRepository } from './transitions.repository.js';
import { TransitionsService } from './transitions.service.js';
import { RawInputsRepository } from './raw-inputs.repository.js';
import { RoundSubmissionsRepository } from './round-submissions.repository.js';
import { RoundSubmissionsService } from './round-submissions.service.js';
import { RawInputsService } from './raw-inputs.service.js';
import { BulkAcceptService } from './bulk-accept.service.js';
import { ReviewController } from './review.controller.js';
import { DefinitionsService } from './definitions.service.js';
import { SubmissionsController } from './submissions.controller.js';
import { SubmissionsRepository } from './submissions.repository.js';
import { SubmissionsService } from './submissions.service.js';

@Module({
  imports: [OrgModule, TemplatesModule, FlowsModule, JobsModule, NotificationsModule, RolesModule, SigningModule, UsersModule],
  // ReviewController first: its fixed paths (review-summary, bulk-accept) must not be read as a submission id.
  controllers: [ReviewController, SubmissionsController],
  providers: [
    SubmissionsRepository,
    SubmissionsService,
    TransitionsRepository,
    TransitionsService,
    IntegrityService,
    CompileLargeJob,
    DefinitionsService,
    CompileRepository,
    CompileService,
    RollUpPool,
    CoverageService,
    CompilePreviewService,
    TraceService,
    RawInputsRepository,
    RawInputsService,
    BulkAcceptService,
    RoundSubmissionsRepository,
    RoundSubmissionsService,
  ],
  exports: [SubmissionsRepository, SubmissionsService, RoundSubmissionsService, IntegrityService, DefinitionsService, CompileService, CoverageService],
})
export class SubmissionsModule {}
