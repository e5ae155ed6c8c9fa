import { canonicalJson, contentHash } from '@bdg/schemas';
import { describe, expect, it } from 'vitest';
import { SigningService } from './signing.service.js';

describe(SigningService.name, () => {
  const sut = new SigningService();
  const data = { z: [{ b: 2, a: 'Đoàn Thị Ánh' }], a: 1.5, m: { 'é': null, e: true } };
  const files = ['ff00', '00ff'];

  it('hashes natively to the digest the browser computes (@bdg/schemas contentHash of {data, attachments})', () => {
    expect(sut.contentHash(data, files)).toBe(contentHash({ data, attachments: [...files].sort() }));
  });

  it('gives the same hash from the canonical form computed elsewhere (the validation worker)', () => {
    expect(sut.contentHashOfCanonical(canonicalJson(data), files)).toBe(sut.contentHash(data, files));
    expect(sut.contentHashOfCanonical(canonicalJson({}), [])).toBe(contentHash({ data: {}, attachments: [] }));
  });
});
