import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { ApiException } from '../common/errors.js';
import { CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { FairQueue } from './fair-queue.js';

/** How many recent verification times the unknown-name answer draws its delay from. */
const SAMPLES = 64;

/**
 * Every argon2 hash and verification of the process goes through one bounded queue: a flood of
 * sign-ins waits its turn (or is refused with 503 when the queue is full) instead of filling
 * libuv's thread pool and stalling everything else the API does. Turns are shared fairly between
 * client addresses, so a flood from a few addresses delays another client by a few hashes only.
 *
 * A name that matches no account never waits in that queue: when a slot is free — one slot always
 * kept for real accounts — it is checked against a dummy hash (the very cost of a real check),
 * otherwise it is answered after a delay
 * drawn from the recent real verifications (queue wait included) and costs the server nothing.
 * Either way the prober sees what a real account would show under the same load, while a flood
 * of invented names can no longer stand between a real user and their sign-in.
 */
@Injectable()
export class PasswordHasher {
  private readonly queue: FairQueue;
  /** Verified when the user does not exist, so an unknown name costs what a known one costs. */
  private readonly dummy: Promise<string>;
  private readonly recentMs: number[] = [];
  private nextSample = 0;
  /** Unknown names answered without hashing (tests, metrics). */
  skippedDummies = 0;

  constructor(@Inject(CONFIG) config: AppConfig) {
    // One address may hold a tenth of the queue (at least 4): a school's NAT signing in at 7:30 fits.
    const perKey = Math.max(4, Math.ceil(config.passwordHashQueue / 10));
    this.queue = new FairQueue(config.passwordHashConcurrency, config.passwordHashQueue, perKey);
    const t0 = performance.now();
    this.dummy = argon2.hash(`khong-ton-tai-${Math.random()}`, { type: argon2.argon2id }).then((h) => (this.record(performance.now() - t0), h));
  }

  /** `key`: whose turn it is (the client address for sign-ins; the acting admin otherwise). */
  hash(password: string, key = 'admin'): Promise<string> {
    return this.run(key, () => argon2.hash(password, { type: argon2.argon2id }));
  }

  /** False for a wrong password and for a missing user (see the class comment for what that costs). */
  async verify(hash: string | null | undefined, password: string, key = 'admin'): Promise<boolean> {
    const target = hash ?? (await this.dummy);
    if (!hash && !this.queue.idle(1)) {
      this.skippedDummies++;
      await new Promise((r) => setTimeout(r, this.sampleMs()));
      return false;
    }
    const t0 = performance.now();
    const ok = await this.run(key, () => argon2.verify(target, password).catch(() => false));
    this.record(performance.now() - t0);
    return ok;
  }

  /** Hashes running and waiting: what a flood of sign-ins costs right now. */
  load(): { active: number; waiting: number } {
    return this.queue.load();
  }

  private record(ms: number) {
    this.recentMs[this.nextSample] = ms;
    this.nextSample = (this.nextSample + 1) % SAMPLES;
  }

  private sampleMs(): number {
    return this.recentMs[Math.floor(Math.random() * this.recentMs.length)] ?? 0;
  }

  private run<T>(key: string, work: () => Promise<T>): Promise<T> {
    return (
      this.queue.run(key, work) ??
      Promise.reject(new ApiException(503, 'Hệ thống đang xử lý quá nhiều lượt đăng nhập. Vui lòng thử lại sau ít giây.'))
    );
  }
}
