import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import type { FlowSummary, FlowVersion, Page } from '@bdg/api-types';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { PageQuery } from '../common/paging.js';
import { badRequest } from '../common/errors.js';
import { LintFlowDto, SaveFlowVersionDto } from './flows.dto.js';
import { FlowsService } from './flows.service.js';

const versionPipe = new ParseIntPipe({ exceptionFactory: () => badRequest('Số phiên bản phải là số nguyên.') });

@ApiTags('flows')
@ApiBearerAuth()
@Controller('api/flows')
export class FlowsController {
  constructor(private readonly flows: FlowsService) {}

  @Get() list(@CurrentUser() u: AuthUser, @Query() q: PageQuery): Promise<Page<FlowSummary<Date>>> {
    return this.flows.list(u, q);
  }
  @Post('lint') @HttpCode(200) lint(@CurrentUser() u: AuthUser, @Body() dto: LintFlowDto) {
    return this.flows.check(u, dto.machine);
  }
  @Get(':code/versions/:version') get(@CurrentUser() u: AuthUser, @Param('code') code: string, @Param('version', versionPipe) v: number): Promise<FlowVersion<Date>> {
    return this.flows.get(u, code, v);
  }
  @Post(':code/versions') create(@CurrentUser() u: AuthUser, @Param('code') code: string, @Body() dto: SaveFlowVersionDto): Promise<FlowVersion<Date>> {
    if (!/^[a-z0-9][a-z0-9-]{0,80}$/.test(code)) throw badRequest('Mã quy trình chỉ gồm chữ thường không dấu, số và dấu gạch ngang.');
    return this.flows.createDraft(u, code, dto);
  }
  @Post(':code/versions/:version/publish') publish(@CurrentUser() u: AuthUser, @Param('code') code: string, @Param('version', versionPipe) v: number): Promise<FlowVersion<Date>> {
    return this.flows.publish(u, code, v);
  }
}
