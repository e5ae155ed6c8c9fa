import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { ExportPool } from './export-pool.js';
import { ExportsController } from './exports.controller.js';
import { ExportsRepository } from './exports.repository.js';
import { ExportsService } from './exports.service.js';

/** Official documents and figures of a submission; the `export` job. JobsModule is global. */
@Module({
  imports: [SubmissionsModule],
  controllers: [ExportsController],
  providers: [ExportsRepository, ExportsService, ExportPool],
  exports: [ExportsService],
})
export class ExportsModule {}
