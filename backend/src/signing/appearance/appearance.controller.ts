import { Controller, Delete, Get, Param, ParseUUIDPipe, Put, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthUser, CurrentUser } from '../../common/current-user.js';
import { badRequest } from '../../common/errors.js';
import { AppearanceService } from './appearance.service.js';
import { MAX_IMAGE_BYTES } from './png-check.js';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => badRequest('Mã (id) không hợp lệ.') });
// A little over the limit, so that png-check names the size in Vietnamese rather than multer.
const upload = FileInterceptor('file', { limits: { fileSize: MAX_IMAGE_BYTES + 1024 } });

/** The PNG, or 204 when none is uploaded (the document then shows the generated appearance). */
function send(res: Response, png: Buffer | null) {
  if (png) res.type('image/png').setHeader('Cache-Control', 'private, no-store').send(png);
  else res.status(204).end();
}

@ApiTags('signatures')
@ApiBearerAuth()
@Controller('api')
export class AppearanceController {
  constructor(private readonly images: AppearanceService) {}

  @Get('users/:id/signature-image') async signature(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @Res() res: Response) {
    send(res, await this.images.get(u, 'user', id));
  }
  @Put('users/:id/signature-image') @UseInterceptors(upload) setSignature(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @UploadedFile() f?: Express.Multer.File) {
    return this.images.set(u, 'user', id, f?.buffer);
  }
  @Delete('users/:id/signature-image') removeSignature(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string) {
    return this.images.remove(u, 'user', id);
  }
  @Get('org-units/:id/seal-image') async seal(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @Res() res: Response) {
    send(res, await this.images.get(u, 'unit', id));
  }
  @Put('org-units/:id/seal-image') @UseInterceptors(upload) setSeal(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @UploadedFile() f?: Express.Multer.File) {
    return this.images.set(u, 'unit', id, f?.buffer);
  }
  @Delete('org-units/:id/seal-image') removeSeal(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string) {
    return this.images.remove(u, 'unit', id);
  }
}
