import { Controller, Get, Param, ParseUUIDPipe, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { Attachment, AttachmentQuota } from '@bdg/api-types';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { badRequest } from '../common/errors.js';
import { AttachmentsService } from './attachments.service.js';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => badRequest('Mã (id) không hợp lệ.') });
// Multer stops reading past this; the service states the configured limit in Vietnamese.
const HARD_LIMIT = Number(process.env.UPLOAD_LIMIT_MB ?? 10) * 1024 * 1024 + 1;

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('api')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get('submissions/:id/attachments') list(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string): Promise<Attachment<Date>[]> {
    return this.attachments.list(u, id);
  }

  @Get('submissions/:id/attachments/quota') quota(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string): Promise<AttachmentQuota> {
    return this.attachments.quota(u, id);
  }

  @Post('submissions/:id/attachments')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: HARD_LIMIT, files: 1 } }))
  upload(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @UploadedFile() file: Express.Multer.File | undefined): Promise<Attachment<Date>> {
    if (!file) throw badRequest('Chưa chọn tệp (trường "file").');
    return this.attachments.upload(u, id, file);
  }

  @Get('attachments/:id') async download(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @Res() res: Response) {
    const a = await this.attachments.download(u, id);
    res.setHeader('Content-Type', a.mimeType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.attachment(a.fileName); // RFC 6266 header with an ASCII fallback and filename*
    res.send(a.content);
  }
}
