import { createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { LoginLimiter } from '../auth/login-limiter.js';
import { ApiException, unprocessable } from '../common/errors.js';
import { MailerService } from '../notifications/mailer.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { PasswordHasher } from '../users/password-hasher.js';
import { passwordProblem } from '../users/password-policy.js';
import { normalizeUsername } from '../users/username.js';
import { UsersService } from '../users/users.service.js';
import { PasswordResetRepository } from './password-reset.repository.js';

/** The same answer whether or not the username exists. */
export const FORGOT_ANSWER =
  'Đã ghi nhận yêu cầu. Nếu tên đăng nhập đúng, quản trị viên của đơn vị sẽ đặt lại mật khẩu cho bạn; nếu tài khoản có thư điện tử, một liên kết đặt lại mật khẩu đã được gửi tới đó (hiệu lực 30 phút).';
export const LINK_TTL_MS = 30 * 60_000;
const WINDOW_SECONDS = 3600;
/** Requests per hour per username (known or not) and per client address. */
export const forgotLimits = () => ({
  perUser: Number(process.env.FORGOT_PASSWORD_RATE_LIMIT ?? 5),
  perAddress: Number(process.env.FORGOT_PASSWORD_RATE_LIMIT ?? 5) * 4,
});

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class PasswordResetService implements OnModuleDestroy {
  private readonly log = new Logger('PasswordReset');
  /** Requests being handled after their answer went out (awaited on shutdown). */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly repo: PasswordResetRepository,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly mailer: MailerService,
    private readonly attempts: LoginLimiter,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * "Quên mật khẩu": the admins over the user's unit are notified (they reset it from the users screen); with SMTP
   * and an address on file, a one-time link is e-mailed. The answer never says whether the username exists, not
   * even by its timing: a known and an unknown name do the same work (the rate limit) before it; looking the user
   * up, notifying and mailing happen after it.
   */
  async request(rawUsername: string, address: string): Promise<{ message: string }> {
    const username = normalizeUsername(rawUsername);
    const userKey = `reset:u:${username}`;
    const addressKey = `reset:a:${address}`;
    const hits = await this.attempts.hit([userKey, addressKey], WINDOW_SECONDS);
    const limits = forgotLimits();
    if ((hits.get(userKey) ?? 0) > limits.perUser || (hits.get(addressKey) ?? 0) > limits.perAddress)
      throw new ApiException(429, 'Bạn đã yêu cầu đặt lại mật khẩu quá nhiều lần. Vui lòng thử lại sau 1 giờ.');
    const work = this.handle(username)
      .catch((e: unknown) => this.log.error(`Không xử lý được yêu cầu quên mật khẩu: ${(e as Error).message}`))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
    return { message: FORGOT_ANSWER };
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  /** After the answer: a known, active user's admins are told, and a link is mailed when possible. */
  private async handle(username: string): Promise<void> {
    const user = await this.users.activeWithUnit(username);
    if (!user) return;
    const token = this.mailer.enabled && user.email ? randomBytes(32).toString('base64url') : null;
    await this.repo.transaction(async (m) => {
      const id = await this.repo.insert(m, user.id, token ? sha256(token) : null, token ? new Date(Date.now() + LINK_TTL_MS) : null);
      const admins = await this.users.adminsOver(m, user.unitPath, user.id);
      await this.notifications.toUsers(m, {
        userIds: admins,
        kind: 'password-reset',
        message: `${user.fullName} (${user.username}, ${user.unitName}) báo quên mật khẩu. Vào Quản trị → Người dùng để đặt mật khẩu tạm thời; người dùng sẽ phải đổi mật khẩu khi đăng nhập.`,
        dedupeKey: `password-reset:${id}`,
      });
      await this.audit.record(m, { actorId: null, action: 'forgot-password', entity: 'user', entityId: user.id, detail: { admins: admins.length, link: !!token } });
    });
    if (token && user.email) await this.sendLink(user.email, user.fullName, token);
  }

  private async sendLink(to: string, fullName: string, token: string) {
    const base = (process.env.PUBLIC_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
    try {
      await this.mailer.send({
        to,
        subject: 'Đặt lại mật khẩu Báo cáo BĐG',
        text: `Kính gửi ${fullName},\n\nĐể đặt mật khẩu mới, mở liên kết sau (dùng một lần, hiệu lực 30 phút):\n${base}/dat-lai-mat-khau?token=${token}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này.`,
      });
    } catch (e) {
      this.log.warn(`Không gửi được thư đặt lại mật khẩu: ${(e as Error).message}`);
    }
  }

  /** The e-mailed link: once, before it expires; the new password follows the policy; earlier sessions end. */
  async reset(token: string, newPassword: string): Promise<void> {
    await this.repo.transaction(async (m) => {
      const who = await this.repo.consume(m, sha256(token));
      if (!who)
        throw unprocessable('Liên kết đặt lại mật khẩu không hợp lệ, đã dùng hoặc đã hết hạn. Hãy yêu cầu lại.', [
          { path: 'token', title: 'Liên kết đặt lại mật khẩu', message: 'Liên kết không hợp lệ, đã dùng hoặc đã hết hạn.' },
        ]);
      const problem = passwordProblem(newPassword, who.username);
      // Throwing rolls the transaction back: the link stays usable for a better password.
      if (problem) throw unprocessable(problem, [{ path: 'newPassword', title: 'Mật khẩu mới', message: problem }]);
      await this.users.setPassword(m, who.userId, await this.hasher.hash(newPassword, who.userId));
      await this.audit.record(m, { actorId: who.userId, action: 'reset-password-link', entity: 'user', entityId: who.userId, detail: {} });
    });
  }
}
