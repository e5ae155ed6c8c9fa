import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { AttachmentsService } from './attachments.service.js';

@Module({ imports: [SubmissionsModule], controllers: [AttachmentsController], providers: [AttachmentsRepository, AttachmentsService] })
export class AttachmentsModule {}
