import { Injectable } from '@nestjs/common';
import { ownUnitRolesNow } from '@bdg/workflows';
import { isBelowOrSame } from '../common/access.js';
import type { AuthUser } from '../common/current-user.js';
import { ApiException, forbidden, notFound } from '../common/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { DefinitionsService } from '../submissions/definitions.service.js';
import { NotificationEmails } from '../notifications/notification-emails.js';
import { RemindersRepository, type ReminderTarget as Target } from './reminders.repository.js';

/** One manual reminder per unit (its report in a round) and this many minutes, whoever sends it. */
export const REMIND_EVERY_MINUTES = Number(process.env.REMIND_EVERY_MINUTES ?? 60);

/**
 * "Nhắc" from the reviewer's list of children (issue #18): an in-app notification to the unit's people who
 * must act now (its editors, and whoever the flow waits for inside the unit), an e-mail when SMTP is
 * configured (the existing notification e-mail job), and an audit entry, in one transaction. A unit is
 * reminded at most once per REMIND_EVERY_MINUTES (429 with when it was last reminded).
 */
@Injectable()
export class UnitRemindersService {
  constructor(
    private readonly repo: RemindersRepository,
    private readonly audit: AuditService,
    private readonly defs: DefinitionsService,
    private readonly emails: NotificationEmails,
  ) {}

  async remindOne(user: AuthUser, submissionId: string) {
    const t = await this.repo.target(submissionId);
    if (!t || !isBelowOrSame(t.unitPath, user.unitPath)) throw notFound('Không tìm thấy báo cáo.');
    this.mayRemind(user, t);
    const r = await this.send(user, t);
    if (r.limitedSince) throw tooSoon(t.unitName, r.limitedSince);
    return { submissionId, unitName: t.unitName, notified: r.notified };
  }

  /** Every late unit among the children of `parentId` (the user's unit by default) in the round. */
  async remindLate(user: AuthUser, roundId: string, parentId?: string) {
    const rootPath = await this.repo.roundRootPath(roundId);
    if (!rootPath || !(isBelowOrSame(rootPath, user.unitPath) || isBelowOrSame(user.unitPath, rootPath)))
      throw notFound('Không tìm thấy đợt báo cáo.');
    if (!user.roles.some((r) => r === 'reviewer' || r === 'admin')) throw forbidden('Chỉ cán bộ duyệt hoặc quản trị của cấp trên mới được nhắc đơn vị.');
    const parent = parentId ?? user.unitId;
    const rows = await this.repo.lateChildren(roundId, parent, user.unitPath);
    const reminded: { submissionId: string; unitName: string; notified: number }[] = [];
    const skipped: { submissionId: string; unitName: string; message: string }[] = [];
    for (const t of rows) {
      const r = await this.send(user, t);
      if (r.limitedSince) skipped.push({ submissionId: t.id, unitName: t.unitName, message: tooSoonMessage(t.unitName, r.limitedSince) });
      else reminded.push({ submissionId: t.id, unitName: t.unitName, notified: r.notified });
    }
    return { reminded, skipped };
  }

  private mayRemind(user: AuthUser, t: Target) {
    if (!user.roles.some((r) => r === 'reviewer' || r === 'admin') || t.unitPath === user.unitPath)
      throw forbidden('Chỉ cán bộ duyệt hoặc quản trị của cấp trên mới được nhắc đơn vị này.');
    if (t.handedIn) throw new ApiException(409, `${t.unitName} đã nộp báo cáo; không cần nhắc.`);
  }

  private async send(user: AuthUser, t: Target): Promise<{ notified: number; limitedSince?: Date }> {
    const def = await this.defs.flow(t.flowVersionId);
    const roles = [...new Set(['editor', ...ownUnitRolesNow(def, t.state)])];
    const late = !!t.deadline && new Date(t.deadline).getTime() < Date.now();
    const days = late ? Math.max(1, Math.floor((Date.now() - new Date(t.deadline!).getTime()) / 86_400_000)) : 0;
    const when = !t.deadlineVn ? '' : late ? ` đã quá hạn ${t.deadlineVn} (${days} ngày)` : `, hạn nộp ${t.deadlineVn}`;
    const message = `${user.fullName} nhắc: báo cáo "${t.roundName}" của ${t.unitName}${when}. Vui lòng hoàn thành và gửi sớm.`;
    const result = await this.repo.transaction(async (m) => {
      // Two reviewers pressing "Nhắc" at once: one reminder.
      await this.repo.serialize(m, t.id);
      const last = await this.audit.lastAt(m, 'remind', t.id, REMIND_EVERY_MINUTES);
      if (last) return { notified: 0, ids: [] as string[], limitedSince: last };
      const ids = await this.repo.notifyUnit(m, t, message, roles);
      await this.audit.record(m, { actorId: user.id, action: 'remind', entity: 'submission', entityId: t.id, detail: { unit: t.unitName, notified: ids.length, late } });
      return { notified: ids.length, ids };
    });
    if (!result.limitedSince) await this.emails.queue(result.ids);
    return result;
  }
}

const fmt = (d: Date) =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(d));
const tooSoonMessage = (unitName: string, at: Date) =>
  `${unitName} đã được nhắc lúc ${fmt(at)}; mỗi đơn vị chỉ được nhắc một lần trong ${REMIND_EVERY_MINUTES} phút.`;
const tooSoon = (unitName: string, at: Date) => new ApiException(429, tooSoonMessage(unitName, at), { lastRemindedAt: new Date(at).toISOString() });
