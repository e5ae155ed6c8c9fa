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

  it('an unknown user (no hash) is verified against a dummy hash through the same queue', async () => {
    const sut = make(1, 0);
    expect(await sut.verify(null, 'warm-up')).toBe(false);
    const first = sut.verify(null, 'khong-co');
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(sut.load().active).toBe(1);
    await expect(sut.verify(null, 'khong-co-2')).rejects.toMatchObject({ status: 503 });
    expect(await first).toBe(false);
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
