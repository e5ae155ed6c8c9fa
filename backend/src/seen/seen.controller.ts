import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import type { LastSeen } from '@bdg/api-types';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { badRequest } from '../common/errors.js';
import { MarkSeenDto } from './seen.dto.js';
import { SeenService } from './seen.service.js';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => badRequest('Mã báo cáo (id) không hợp lệ.') });

@ApiTags('submissions')
@ApiBearerAuth()
@Controller('api/submissions')
export class SeenController {
  constructor(private readonly seen: SeenService) {}

  @Get(':id/seen') get(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string): Promise<{ lastSeen: LastSeen | null }> {
    return this.seen.lastSeen(u, id);
  }
  @Put(':id/seen') put(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @Body() dto: MarkSeenDto) {
    return this.seen.markSeen(u, id, dto.contentHash);
  }
}
