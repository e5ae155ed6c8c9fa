import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { RemindLateResult } from '@bdg/api-types';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { badRequest } from '../common/errors.js';
import { UnitRemindersService } from './unit-reminders.service.js';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => badRequest('Mã (id) không hợp lệ.') });

export class RemindLateDto {
  /** Whose children: the user's own unit by default. */
  @ApiPropertyOptional() @IsOptional() @IsUUID() parentId?: string;
}

/** "Nhắc" and "Nhắc tất cả đơn vị trễ hạn" of the reviewer's list of children. */
@ApiTags('reminders')
@ApiBearerAuth()
@Controller('api')
export class UnitRemindersController {
  constructor(private readonly reminders: UnitRemindersService) {}

  /** 200 `{submissionId, unitName, notified}`; 429 when the unit was reminded within the hour. */
  @Post('submissions/:id/remind') @HttpCode(200) remind(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string) {
    return this.reminders.remindOne(u, id);
  }
  /** 200 `{reminded, skipped}`: every late child of `parentId` in the round, each within its own limit. */
  @Post('rounds/:id/remind-late') @HttpCode(200) remindLate(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @Body() dto: RemindLateDto): Promise<RemindLateResult> {
    return this.reminders.remindLate(u, id, dto.parentId);
  }
}
