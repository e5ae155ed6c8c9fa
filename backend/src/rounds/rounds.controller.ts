import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { badRequest } from '../common/errors.js';
import { PageQuery } from '../common/paging.js';
import { OpenRoundDto, PreviewRoundDto } from './rounds.dto.js';
import { RoundsService } from './rounds.service.js';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => badRequest('Mã đợt báo cáo (id) không hợp lệ.') });

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('api/rounds')
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Get() list(@CurrentUser() u: AuthUser, @Query() q: PageQuery) {
    return this.rounds.list(u, q);
  }
  @Post() open(@CurrentUser() u: AuthUser, @Body() dto: OpenRoundDto) {
    return this.rounds.open(u, dto);
  }
  @Post('preview') @HttpCode(200) preview(@CurrentUser() u: AuthUser, @Body() dto: PreviewRoundDto) {
    return this.rounds.preview(u, dto);
  }
  @Get(':id') get(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string) {
    return this.rounds.get(u, id);
  }
  @Get(':id/progress') progress(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string) {
    return this.rounds.progress(u, id);
  }
}
