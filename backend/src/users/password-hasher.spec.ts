import argon2 from 'argon2';
import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../config/config.js';
import { PasswordHasher } from './password-hasher.js';

const make = (passwordHashConcurrency: number, passwordHashQueue: number) =>
  new PasswordHasher({ passwordHashConcurrency, passwordHashQueue } as AppConfig);

describe(PasswordHasher.name, () => {
  it('runs at most the configured number of hashes at once; the rest wait in the queue', async () => {
    const sut = make(1, 100);
    const hash = await argon2.hash('Mot-mat-khau-du-dai', { type: argon2.argon2id });
    const work = [sut.verify(hash, 'Mot-mat-khau-du-dai'), sut.verify(hash, 'sai'), sut.verify(hash, 'x'), sut.verify(hash, 'y')];
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(sut.load()).toEqual({ active: 1, waiting: 3 });
    expect(await Promise.all(work)).toEqual([true, false, false, false]);
    expect(sut.load()).toEqual({ active: 0, waiting: 0 });
  });

  it('an unknown user (no hash) is verified against a dummy hash when a slot is free beside the one kept for real accounts', async () => {
    const sut = make(2, 0);
    expect(await sut.verify(null, 'warm-up')).toBe(false);
    const first = sut.verify(null, 'khong-co');
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(sut.load().active).toBe(1);
    expect(sut.skippedDummies).toBe(0);
    expect(await first).toBe(false);
  });

  it('an unknown user never queues: with every slot busy it is answered false after a recent verification time, without hashing', async () => {
    const sut = make(1, 100);
    const hash = await argon2.hash('Mot-mat-khau-du-dai', { type: argon2.argon2id });
    expect(await sut.verify(hash, 'sai')).toBe(false); // one real timing sample
    const real = sut.verify(hash, 'Mot-mat-khau-du-dai', 'nguoi-that');
    await new Promise((r) => setImmediate(r));
    const unknown = Array.from({ length: 20 }, (_, i) => sut.verify(null, `ke-la-${i}`, `ke-la-${i}`));
    await new Promise((r) => setImmediate(r));
    // the flood of invented names is not in the queue: the real user's check is the only work
    expect(sut.load()).toEqual({ active: 1, waiting: 0 });
    expect(await real).toBe(true);
    expect(await Promise.all(unknown)).toEqual(Array(20).fill(false));
    expect(sut.skippedDummies).toBe(20);
  });

  it('refuses with 503 and a Vietnamese message when the queue is full, instead of piling up', async () => {
    const sut = make(1, 2);
    const accepted = [sut.hash('a-long-password-1'), sut.hash('a-long-password-2'), sut.hash('a-long-password-3')];
    await expect(sut.hash('a-long-password-4')).rejects.toMatchObject({
      status: 503,
      response: { message: expect.stringMatching(/quá nhiều lượt đăng nhập/) },
    });
    expect((await Promise.all(accepted)).every((h) => h.startsWith('$argon2id$'))).toBe(true);
  });
});
