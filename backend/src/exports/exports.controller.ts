import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { badRequest } from '../common/errors.js';
import { contentDisposition } from './content-disposition.js';
import { ExportsService, parseFormat } from './exports.service.js';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => badRequest('Mã báo cáo (id) không hợp lệ.') });

@ApiTags('exports')
@ApiBearerAuth()
@Controller('api')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  /**
   * The file (DOCX, PDF or XLSX); for a consolidation over many units, or with ?async=1,
   * 202 {jobId}: follow GET /api/jobs/:id, then fetch GET /api/jobs/:id/file.
   */
  @Get('submissions/:id/export')
  @ApiQuery({ name: 'format', enum: ['docx', 'pdf', 'xlsx'] })
  @ApiQuery({ name: 'async', required: false, enum: ['1', '0'] })
  async export(
    @CurrentUser() u: AuthUser,
    @Param('id', uuid) id: string,
    @Query('format') rawFormat: unknown,
    @Query('async') rawAsync: unknown,
    @Res() res: Response,
  ) {
    const format = parseFormat(rawFormat);
    const row = await this.exports.visible(u, id);
    const wantsAsync = rawAsync === '1' || rawAsync === 'true';
    if (wantsAsync || this.exports.isLarge(row)) {
      const jobId = await this.exports.enqueue(u, row, format);
      res.status(202).json({ jobId, statusUrl: `/api/jobs/${jobId}`, fileUrl: `/api/jobs/${jobId}/file` });
      return;
    }
    const f = await this.exports.render(row, format);
    res.setHeader('Content-Type', f.mimeType);
    res.setHeader('Content-Length', String(f.content.length));
    res.setHeader('Content-Disposition', contentDisposition(f.fileName));
    res.setHeader('Cache-Control', 'private, no-store');
    res.status(200).end(f.content);
  }
}
