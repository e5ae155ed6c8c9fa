import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from './index.js';

describe(canonicalJson.name, () => {
  it('RFC 8785: khoá sắp xếp, số chuẩn hoá, không khoảng trắng', () => {
    expect(canonicalJson({ b: 1, a: [1.0, 'Việt', { d: null, c: 1e21 }] })).toBe('{"a":[1,"Việt",{"c":1e+21,"d":null}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
  it('từ chối giá trị không biểu diễn được', () => {
    expect(() => canonicalJson(undefined)).toThrow();
  });
});

describe(sha256Hex.name, () => {
  it('khớp vectơ chuẩn', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
  it('chuỗi được băm theo UTF-8', () => {
    expect(sha256Hex('Việt')).toBe(sha256Hex(new TextEncoder().encode('Việt')));
  });
});
