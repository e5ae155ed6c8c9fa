import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { ListAuditQuery } from './audit.dto.js';
import { AuditLogService } from './audit-log.service.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly log: AuditLogService) {}

  @Get() list(@CurrentUser() u: AuthUser, @Query() q: ListAuditQuery) {
    return this.log.list(u, q);
  }
}
