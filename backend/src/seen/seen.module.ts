import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { SeenController } from './seen.controller.js';
import { SeenRepository } from './seen.repository.js';
import { SeenService } from './seen.service.js';

/** What each user last saw of each submission (server-side, so it follows them across computers). */
@Module({
  imports: [SubmissionsModule],
  controllers: [SeenController],
  providers: [SeenRepository, SeenService],
})
export class SeenModule {}
