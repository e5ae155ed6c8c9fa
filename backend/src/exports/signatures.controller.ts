import { Body, Controller, Get, Param, ParseUUIDPipe, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { badRequest } from '../common/errors.js';
import { OfficialRecordService } from './official-record.service.js';
import { CompleteBrowserSignatureDto, PrepareBrowserSignatureDto } from './signatures.dto.js';
import type { PdfSignatures } from '@bdg/api-types';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => badRequest('Mã báo cáo (id) không hợp lệ.') });

@ApiTags('signatures')
@ApiBearerAuth()
@Controller('api')
export class SignaturesController {
  constructor(private readonly official: OfficialRecordService) {}

  @Get('submissions/:id/signatures') list(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string): Promise<PdfSignatures> {
    return this.official.signatures(u, id);
  }
  @Post('submissions/:id/pdf-signature/prepare') prepare(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @Body() b: PrepareBrowserSignatureDto) {
    return this.official.prepareBrowserSignature(u, id, b.certificates);
  }
  @Post('submissions/:id/pdf-signature/complete') complete(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @Body() b: CompleteBrowserSignatureDto) {
    return this.official.completeBrowserSignature(u, id, b.pendingId, b.signature);
  }
  @Post('verify-pdf')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 30 * 1024 * 1024 } }))
  verify(@UploadedFile() file: Express.Multer.File | undefined) {
    return this.official.verifyUpload(file?.buffer);
  }
}
