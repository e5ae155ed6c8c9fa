import { Global, Module } from '@nestjs/common';
import { JobsController } from './jobs.controller.js';
import { JobsRepository } from './jobs.repository.js';
import { JobsService } from './jobs.service.js';

/**
 * pg-boss and GET /api/jobs/:id. Global, with no imports of its own, so that any module (e.g.
 * SubmissionsService for `compile-large`) can inject JobsService without a cycle.
 */
@Global()
@Module({
  controllers: [JobsController],
  providers: [JobsRepository, JobsService],
  exports: [JobsRepository, JobsService],
})
export class JobsModule {}
