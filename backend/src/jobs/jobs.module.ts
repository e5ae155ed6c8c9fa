import { Module } from '@nestjs/common';
import { JobsController } from './jobs.controller.js';
import { JobsRepository } from './jobs.repository.js';
import { JobsService } from './jobs.service.js';

/**
 * pg-boss and GET /api/jobs/:id. No imports of its own: a module that owns a job (submissions'
 * compile-large, exports, regimes, reminders) imports this one and registers its handler.
 */
@Module({
  controllers: [JobsController],
  providers: [JobsRepository, JobsService],
  exports: [JobsRepository, JobsService],
})
export class JobsModule {}
