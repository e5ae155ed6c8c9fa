import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { ImportResult, OrgUnit, Page } from '@bdg/api-types';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { badRequest } from '../common/errors.js';
import { CreateOrgUnitDto, ListOrgUnitsQuery, MergeOrgUnitDto, MoveOrgUnitDto, UpdateOrgUnitDto } from './org.dto.js';
import { OrgService } from './org.service.js';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => badRequest('Mã đơn vị (id) không hợp lệ.') });

@ApiTags('org')
@ApiBearerAuth()
@Controller('api/org-units')
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @Get() list(@CurrentUser() u: AuthUser, @Query() q: ListOrgUnitsQuery): Promise<Page<OrgUnit>> {
    return this.org.list(u, q);
  }
  @Get(':id') get(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string): Promise<OrgUnit> {
    return this.org.get(u, id);
  }
  @Get(':id/tree') tree(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string) {
    return this.org.tree(u, id);
  }
  @Post() create(@CurrentUser() u: AuthUser, @Body() dto: CreateOrgUnitDto): Promise<OrgUnit | null> {
    return this.org.create(u, dto);
  }
  @Patch(':id') update(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @Body() dto: UpdateOrgUnitDto): Promise<OrgUnit | null> {
    return this.org.update(u, id, dto);
  }
  @Post(':id/move') move(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @Body() dto: MoveOrgUnitDto) {
    return this.org.move(u, id, dto.parentId);
  }
  @Get(':id/merge-preview') mergePreview(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @Query('intoId', uuid) intoId: string) {
    return this.org.mergePreview(u, id, intoId);
  }
  @Post(':id/merge') merge(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @Body() dto: MergeOrgUnitDto) {
    return this.org.merge(u, id, dto.intoId);
  }
  @Post('import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 5 * 1024 * 1024 } }))
  import(@CurrentUser() u: AuthUser, @UploadedFile() file: Express.Multer.File | undefined, @Query('dryRun') dryRun?: string): Promise<ImportResult> {
    if (!file) throw badRequest('Chưa chọn tệp CSV (trường "file").');
    return this.org.importCsv(u, file.buffer, dryRun === '1' || dryRun === 'true');
  }
}
