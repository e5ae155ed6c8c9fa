import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { badRequest } from '../common/errors.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get() list(@CurrentUser() u: AuthUser) {
    return this.notifications.list(u);
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
