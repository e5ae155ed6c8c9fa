import { describe, expect, it } from 'vitest';
import { hasVisibleText, stripControlAndFormat, trimInvisible } from './text.js';

describe(hasVisibleText.name, () => {
  it.each([
    ['', false],
    ['   \t\n', false],
    ['\u200B\u200C\u200D\u2060\uFEFF', false], // zero-width space, joiners, word joiner, BOM
    ['\u00A0\u3000\u2028', false], // no-break space, ideographic space, line separator
    ['\u202E\u2066\u200F', false], // right-to-left override, isolate, mark
    ['\u3164\u2800\u00AD', false], // Hangul filler, Braille blank, soft hyphen
    [42, false],
    ['Sửa lại', true],
    ['\u200B.\u200B', true],
  ])('%j → %s', (input, expected) => {
    expect(hasVisibleText(input)).toBe(expected);
  });
});

describe(trimInvisible.name, () => {
  it('drops invisible characters at the ends and keeps those inside', () => {
    expect(trimInvisible('\u200B\u00A0 Thiếu số liệu  nữ \uFEFF\n')).toBe('Thiếu số liệu  nữ');
  });
});

describe(stripControlAndFormat.name, () => {
  it('removes right-to-left overrides and control characters from a file name', () => {
    expect(stripControlAndFormat('bao-cao\u202Efdp.exe')).toBe('bao-caofdp.exe');
    expect(stripControlAndFormat('a\u0000b\u0007c\u200Bd\u2067e\u061Cf.pdf')).toBe('abcdef.pdf');
  });
});
