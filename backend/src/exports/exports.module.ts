import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module.js';
import { OrgModule } from '../org/org.module.js';
import { RoundsModule } from '../rounds/rounds.module.js';
import { SigningModule } from '../signing/signing.module.js';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { UsersModule } from '../users/users.module.js';
import { ExportPool } from './export-pool.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';
import { OfficialRecordRepository } from './official-record.repository.js';
import { OfficialRecordService } from './official-record.service.js';
import { OfficialRecordSigner } from './official-record.signer.js';
import { SignaturesController } from './signatures.controller.js';

/** Official documents and figures of a submission; the `export` job. */
@Module({
  imports: [SubmissionsModule, JobsModule, SigningModule, UsersModule, OrgModule, RoundsModule],
  controllers: [ExportsController, SignaturesController],
  providers: [ExportsService, ExportPool, OfficialRecordRepository, OfficialRecordService, OfficialRecordSigner],
  exports: [ExportsService],
})
export class ExportsModule {}
