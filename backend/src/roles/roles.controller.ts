import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { PageQuery } from '../common/paging.js';
import { badRequest } from '../common/errors.js';
import { CreateRoleDto, UpdateRoleDto } from './roles.dto.js';
import { RolesService } from './roles.service.js';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => badRequest('Mã (id) không hợp lệ.') });

@ApiTags('roles')
@ApiBearerAuth()
@Controller('api/roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get() list(@CurrentUser() u: AuthUser, @Query() q: PageQuery) {
    return this.roles.list(u, q);
  }
  @Post() create(@CurrentUser() u: AuthUser, @Body() dto: CreateRoleDto) {
    return this.roles.create(u, dto);
  }
  @Patch(':id') update(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @Body() dto: UpdateRoleDto) {
    return this.roles.update(u, id, dto);
  }
}
