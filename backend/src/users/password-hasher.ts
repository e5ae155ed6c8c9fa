import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import pLimit from 'p-limit';
import { ApiException } from '../common/errors.js';
import { CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';

/**
 * Every argon2 hash and verification of the process goes through one bounded queue: a flood of
 * sign-ins waits its turn (or is refused with 503 when the queue is full) instead of filling
 * libuv's thread pool and stalling everything else the API does.
 */
@Injectable()
export class PasswordHasher {
  private readonly limit: ReturnType<typeof pLimit>;
  /** Verified when the user does not exist, so an unknown name costs what a known one costs. */
  private readonly dummy: Promise<string>;

  constructor(@Inject(CONFIG) private readonly config: AppConfig) {
    this.limit = pLimit(config.passwordHashConcurrency);
    this.dummy = argon2.hash(`khong-ton-tai-${Math.random()}`, { type: argon2.argon2id });
  }

  hash(password: string): Promise<string> {
    return this.run(() => argon2.hash(password, { type: argon2.argon2id }));
  }

  /** False for a wrong password and for a missing user (checked against a dummy hash all the same). */
  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    const target = hash ?? (await this.dummy);
    return this.run(() => argon2.verify(target, password).catch(() => false));
  }

  /** Hashes running and waiting: what a flood of sign-ins costs right now. */
  load(): { active: number; waiting: number } {
    const all = this.limit.activeCount + this.limit.pendingCount;
    const active = Math.min(all, this.config.passwordHashConcurrency);
    return { active, waiting: all - active };
  }

  private run<T>(work: () => Promise<T>): Promise<T> {
    if (this.load().waiting >= this.config.passwordHashQueue && this.load().active >= this.config.passwordHashConcurrency)
      return Promise.reject(new ApiException(503, 'Hệ thống đang xử lý quá nhiều lượt đăng nhập. Vui lòng thử lại sau ít giây.'));
    return this.limit(work);
  }
}
