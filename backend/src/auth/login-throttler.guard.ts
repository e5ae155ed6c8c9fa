import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiException } from '../common/errors.js';

/** Login attempts are limited per address and username, so one account cannot be guessed at. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const body = (req.body ?? {}) as { username?: unknown };
    return `${String(req.ip)}|${typeof body.username === 'string' ? body.username.toLowerCase() : ''}`;
  }
  protected override async throwThrottlingException(): Promise<void> {
    throw new ApiException(429, 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 1 phút.');
  }
}
