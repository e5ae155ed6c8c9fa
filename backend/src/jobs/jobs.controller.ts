import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { JobView } from '@bdg/api-types';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { badRequest } from '../common/errors.js';
import { contentDisposition } from '../exports/content-disposition.js';
import { JobsService } from './jobs.service.js';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => badRequest('Mã công việc (id) không hợp lệ.') });

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('api/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  /** {id, name, state, progress (0–100), result, error}; only the requester sees it (404 otherwise). */
  @Get(':id') get(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string): Promise<JobView<Date>> {
    return this.jobs.view(u, id);
  }

  /** The file an export job produced; 409 while it is not ready. */
  @Get(':id/file') async file(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @Res() res: Response) {
    const f = await this.jobs.file(u, id);
    res.setHeader('Content-Type', f.mimeType);
    res.setHeader('Content-Length', String(f.content.length));
    res.setHeader('Content-Disposition', contentDisposition(f.fileName));
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(f.content);
  }
}
