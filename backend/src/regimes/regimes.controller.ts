import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { PageQuery } from '../common/paging.js';
import { CheckDeadlinesDto, DraftPreviewDto, OpenDueDto, PreviewQueryDto, SaveRegimeDto } from './regimes.dto.js';
import { RegimesService } from './regimes.service.js';

@ApiTags('regimes')
@ApiBearerAuth()
@Controller('api/regimes')
export class RegimesController {
  constructor(private readonly regimes: RegimesService) {}

  @Get() list(@CurrentUser() u: AuthUser, @Query() q: PageQuery) {
    return this.regimes.list(u, q);
  }
  @Post() create(@CurrentUser() u: AuthUser, @Body() dto: SaveRegimeDto) {
    return this.regimes.create(u, dto);
  }
  @Post('draft/preview') @HttpCode(200) draftPreview(@CurrentUser() u: AuthUser, @Body() dto: DraftPreviewDto) {
    return this.regimes.draftPreview(u, dto);
  }

  @Post('check-deadlines') @HttpCode(200) checkDeadlines(@CurrentUser() u: AuthUser, @Body() dto: CheckDeadlinesDto) {
    return this.regimes.checkRoundDeadlines(u, dto);
  }

  @Post('open-due') @HttpCode(200) openDue(@CurrentUser() u: AuthUser, @Body() dto: OpenDueDto) {
    return this.regimes.runNow(u, dto.today);
  }
  @Patch(':code') update(@CurrentUser() u: AuthUser, @Param('code') code: string, @Body() dto: SaveRegimeDto) {
    return this.regimes.update(u, code, dto);
  }
  @Get(':code/preview') preview(@CurrentUser() u: AuthUser, @Param('code') code: string, @Query() q: PreviewQueryDto) {
    return this.regimes.preview(u, code, q.from, q.count);
  }
}
