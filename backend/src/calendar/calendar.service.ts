import { Injectable } from '@nestjs/common';
import { type DayOff, WorkingCalendar } from '@bdg/regimes';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/current-user.js';
import { forbidden, notFound } from '../common/errors.js';
import type { CalendarAdjustmentDto } from './calendar.dto.js';
import { CalendarRepository } from './calendar.repository.js';

/**
 * Vietnam's working days, with the adjustments of each year's Government decision. The calendar
 * is national: only an admin at the root of the tree changes it.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly repo: CalendarRepository,
    private readonly audit: AuditService,
  ) {}

  async calendar(): Promise<WorkingCalendar> {
    const rows = await this.repo.all();
    return new WorkingCalendar({
      holidays: rows.filter((r) => r.kind === 'holiday').map((r) => ({ date: r.date, name: r.name })),
      workingDays: rows.filter((r) => r.kind === 'working').map((r) => r.date),
    });
  }

  async year(year: number): Promise<{ year: number; daysOff: DayOff[]; workingDays: string[] }> {
    const rows = await this.repo.all();
    const calendar = await this.calendar();
    return {
      year,
      daysOff: calendar.daysOff(year),
      workingDays: rows.filter((r) => r.kind === 'working' && r.date.startsWith(`${year}-`)).map((r) => r.date),
    };
  }

  async adjust(user: AuthUser, dto: CalendarAdjustmentDto) {
    assertNationalAdmin(user);
    await this.repo.transaction(async (m) => {
      await this.repo.upsert(m, dto, user.id);
      await this.audit.record(m, { actorId: user.id, action: 'adjust', entity: 'calendar', entityId: null, detail: { ...dto } });
    });
    return this.year(Number(dto.date.slice(0, 4)));
  }

  async remove(user: AuthUser, date: string) {
    assertNationalAdmin(user);
    await this.repo.transaction(async (m) => {
      if (!(await this.repo.remove(m, date))) throw notFound(`Không có điều chỉnh lịch cho ngày ${date}.`);
      await this.audit.record(m, { actorId: user.id, action: 'remove', entity: 'calendar', entityId: null, detail: { date } });
    });
    return this.year(Number(date.slice(0, 4)));
  }
}

function assertNationalAdmin(user: AuthUser) {
  // The root's path has one label: the ministry (or the installation's top unit).
  if (!user.roles.includes('admin') || user.unitPath.includes('.'))
    throw forbidden('Chỉ quản trị viên cấp cao nhất mới được điều chỉnh lịch làm việc toàn quốc.');
}
