/** Băm nội dung ký: JSON chuẩn hoá RFC 8785 (JCS) và SHA-256 (chạy cả trên trình duyệt). */
import canonicalizeModule from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

type Canon = (v: unknown) => string | undefined;
const canonicalize = ((canonicalizeModule as unknown as { default?: Canon }).default ?? canonicalizeModule) as Canon;

/** JSON chuẩn hoá theo RFC 8785; ném lỗi với giá trị không biểu diễn được (undefined, hàm, NaN…). */
export function canonicalJson(value: unknown): string {
  if (value === undefined) throw new TypeError('Không thể chuẩn hoá giá trị undefined.');
  const s = canonicalize(value);
  if (s === undefined) throw new TypeError('Không thể chuẩn hoá giá trị này thành JSON.');
  return s;
}

/** SHA-256 dạng hex chữ thường của chuỗi (UTF-8) hoặc dãy byte. */
export function sha256Hex(input: string | Uint8Array): string {
  return bytesToHex(sha256(typeof input === 'string' ? utf8ToBytes(input) : input));
}

/** Tiện ích: sha256Hex(canonicalJson(value)). */
export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
