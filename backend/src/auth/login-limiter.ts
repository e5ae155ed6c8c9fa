import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ApiException } from '../common/errors.js';
import { CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { LoginAttemptsRepository } from './login-attempts.repository.js';

const WINDOW_SECONDS = 60;

/**
 * Sign-in attempts per minute, counted before any password is hashed: per normalised username
 * (known or not, so guessing names is limited too) and per client address (the socket's, or the
 * one the configured proxy hops vouch for).
 */
@Injectable()
export class LoginLimiter implements OnModuleInit, OnModuleDestroy {
  private pruner: NodeJS.Timeout | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly attempts: LoginAttemptsRepository,
  ) {}

  async check(username: string, address: string): Promise<void> {
    const userKey = `u:${username}`;
    const addressKey = `a:${address}`;
    const hits = await this.attempts.hit([userKey, addressKey], WINDOW_SECONDS);
    if ((hits.get(userKey) ?? 0) > this.config.loginRateLimit || (hits.get(addressKey) ?? 0) > this.config.loginAddressRateLimit)
      throw new ApiException(429, 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 1 phút.');
  }

  /** Counts one more attempt under each key within the window (shared by replicas): other rate-limited doors use it too. */
  hit(keys: string[], windowSeconds: number): Promise<Map<string, number>> {
    return this.attempts.hit(keys, windowSeconds);
  }

  onModuleInit() {
    this.pruner = setInterval(() => void this.attempts.prune(10 * WINDOW_SECONDS).catch(() => {}), 5 * 60_000);
    this.pruner.unref();
  }

  onModuleDestroy() {
    if (this.pruner) clearInterval(this.pruner);
  }
}
