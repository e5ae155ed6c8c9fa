import { describe, expect, it } from 'vitest';
import { checkAttachment } from './attachment-rules';

describe('checkAttachment', () => {
  it.each([
    [{ name: 'bien-ban.pdf', size: 1000 }, null],
    [{ name: 'ANH.PNG', size: 1000 }, null],
    [{ name: 'virus.exe', size: 1000 }, 'không đúng định dạng'],
    [{ name: 'lon.pdf', size: 21 * 1024 * 1024 }, 'vượt quá dung lượng'],
    [{ name: 'rong.docx', size: 0 }, 'rỗng'],
  ])('%o → %s', (file, expected) => {
    const out = checkAttachment(file);
    if (expected === null) expect(out).toBeNull();
    else expect(out).toContain(expected);
  });
});
