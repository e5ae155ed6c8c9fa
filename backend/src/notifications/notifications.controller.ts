import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../common/paging.js';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { badRequest } from '../common/errors.js';
import { NotificationsService } from './notifications.service.js';

export class ListNotificationsQuery extends PageQuery {
  /** `true`: only the unread ones. */
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) unread?: 'true' | 'false';
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get() list(@CurrentUser() u: AuthUser, @Query() q: ListNotificationsQuery) {
    return this.notifications.list(u, q);
  }
  @Post('read-all') @HttpCode(200) readAll(@CurrentUser() u: AuthUser) {
    return this.notifications.markAllRead(u);
  }
  @Post(':id/read') @HttpCode(200) read(
    @CurrentUser() u: AuthUser,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => badRequest('Mã thông báo không hợp lệ.') })) id: string,
  ) {
    return this.notifications.markRead(u, id);
  }
}
