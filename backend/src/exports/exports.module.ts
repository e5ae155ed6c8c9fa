import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { ExportPool } from './export-pool.js';
import { ExportsController } from './exports.controller.js';
import { ExportsRepository } from './exports.repository.js';
import { ExportsService } from './exports.service.js';
import { OfficialRecordRepository } from './official-record.repository.js';
import { OfficialRecordService } from './official-record.service.js';
import { OfficialRecordSigner } from './official-record.signer.js';
import { SignaturesController } from './signatures.controller.js';

/** Official documents and figures of a submission; the `export` job. JobsModule is global. */
@Module({
  imports: [SubmissionsModule],
  controllers: [ExportsController, SignaturesController],
  providers: [ExportsRepository, ExportsService, ExportPool, OfficialRecordRepository, OfficialRecordService, OfficialRecordSigner],
  exports: [ExportsService],
})
export class ExportsModule {}
