import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import type { Page, TemplateSummary, TemplateVersion, TemplateVersionHead } from '@bdg/api-types';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { PageQuery } from '../common/paging.js';
import { badRequest } from '../common/errors.js';
import { SaveTemplateVersionDto } from './templates.dto.js';
import { TemplatesService } from './templates.service.js';

const versionPipe = new ParseIntPipe({ exceptionFactory: () => badRequest('Số phiên bản phải là số nguyên.') });

@ApiTags('templates')
@ApiBearerAuth()
@Controller('api/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get() list(@CurrentUser() u: AuthUser, @Query() q: PageQuery): Promise<Page<TemplateSummary<Date>>> {
    return this.templates.list(u, q);
  }
  @Get(':code/versions') versions(@CurrentUser() u: AuthUser, @Param('code') code: string): Promise<TemplateVersionHead<Date>[]> {
    return this.templates.versions(u, code);
  }
  @Get(':code/versions/:version') get(@CurrentUser() u: AuthUser, @Param('code') code: string, @Param('version', versionPipe) v: number): Promise<TemplateVersion<Date>> {
    return this.templates.get(u, code, v);
  }
  @Post(':code/versions') create(@CurrentUser() u: AuthUser, @Param('code') code: string, @Body() dto: SaveTemplateVersionDto): Promise<TemplateVersion<Date>> {
    if (!/^[a-z0-9][a-z0-9-]{0,80}$/.test(code)) throw badRequest('Mã mẫu báo cáo chỉ gồm chữ thường không dấu, số và dấu gạch ngang.');
    return this.templates.createDraft(u, code, dto);
  }
  @Put(':code/versions/:version') update(
    @CurrentUser() u: AuthUser,
    @Param('code') code: string,
    @Param('version', versionPipe) v: number,
    @Body() dto: SaveTemplateVersionDto,
  ): Promise<TemplateVersion<Date>> {
    return this.templates.updateDraft(u, code, v, dto);
  }
  @Post(':code/versions/:version/publish') publish(@CurrentUser() u: AuthUser, @Param('code') code: string, @Param('version', versionPipe) v: number): Promise<TemplateVersion<Date>> {
    return this.templates.publish(u, code, v);
  }
}
