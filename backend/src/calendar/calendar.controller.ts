import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { badRequest } from '../common/errors.js';
import { CalendarAdjustmentDto } from './calendar.dto.js';
import { CalendarService } from './calendar.service.js';

const year = new ParseIntPipe({ exceptionFactory: () => badRequest('Năm không hợp lệ.') });
const isoDate = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw badRequest('Ngày phải có dạng yyyy-mm-dd.');
  return d;
};

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':year') year(@Param('year', year) y: number) {
    if (y < 2000 || y > 2100) throw badRequest('Năm phải trong khoảng 2000–2100.');
    return this.calendar.year(y);
  }
  @Post('adjustments') adjust(@CurrentUser() u: AuthUser, @Body() dto: CalendarAdjustmentDto) {
    return this.calendar.adjust(u, dto);
  }
  @Delete('adjustments/:date') remove(@CurrentUser() u: AuthUser, @Param('date') date: string) {
    return this.calendar.remove(u, isoDate(date));
  }
}
