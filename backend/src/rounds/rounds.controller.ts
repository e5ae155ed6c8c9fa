import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Page, Round, RoundPreview, RoundProgress } from '@bdg/api-types';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { badRequest } from '../common/errors.js';
import { ProgressQuery } from './progress.dto.js';
import { ProgressService } from './progress.service.js';
import { PageQuery } from '../common/paging.js';
import { OpenRoundDto, PreviewRoundDto } from './rounds.dto.js';
import { RoundsService } from './rounds.service.js';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => badRequest('Mã đợt báo cáo (id) không hợp lệ.') });

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('api/rounds')
export class RoundsController {
  constructor(
    private readonly rounds: RoundsService,
    private readonly progressView: ProgressService,
  ) {}

  @Get() list(@CurrentUser() u: AuthUser, @Query() q: PageQuery): Promise<Page<Round<Date>>> {
    return this.rounds.list(u, q);
  }
  /** 201 with the round and its counts; 202 with `jobId` when a large subtree opens in the background. */
  @Post() async open(@CurrentUser() u: AuthUser, @Body() dto: OpenRoundDto, @Res({ passthrough: true }) res: Response): Promise<Round<Date>> {
    const round = await this.rounds.open(u, dto);
    if (round.status === 'opening') res.status(202);
    return round;
  }
  @Post('preview') @HttpCode(200) preview(@CurrentUser() u: AuthUser, @Body() dto: PreviewRoundDto): Promise<RoundPreview> {
    return this.rounds.preview(u, dto);
  }
  @Get(':id') get(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string): Promise<Round<Date>> {
    return this.rounds.get(u, id);
  }
  @Get(':id/progress') progress(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @Query() q: ProgressQuery): Promise<RoundProgress<Date>> {
    return this.progressView.progress(u, id, q);
  }
}
