/**
 * First line of defence for untrusted definitions (the builder, an upload, the database):
 * size, JSON syntax, nesting depth, node count, non-JSON values and dangerous keys are
 * refused with a finding before anything else looks at the value. Iterative: a hostile
 * input cannot exhaust the stack.
 */
import type { Finding } from './types.js';
import { pointer } from './json-pointer.js';

export const MAX_DEFINITION_BYTES = 1024 * 1024;
export const MAX_DEFINITION_DEPTH = 24;
export const MAX_DEFINITION_NODES = 100_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ReadResult = { ok: true; value: unknown; json: string } | { ok: false; findings: Finding[] };

function refuse(path: string, message: string): ReadResult {
  return { ok: false, findings: [{ severity: 'error', path, message }] };
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const tooBig = (): ReadResult =>
  refuse('', `Định nghĩa quy trình quá lớn (tối đa ${Math.round(MAX_DEFINITION_BYTES / 1024)} KB)`);

export function readInput(input: unknown): ReadResult {
  try {
    let value: unknown = input;
    if (typeof input === 'string') {
      if (input.length > MAX_DEFINITION_BYTES || utf8Length(input) > MAX_DEFINITION_BYTES) return tooBig();
      try {
        value = JSON.parse(input);
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        return refuse('', `Không đọc được JSON: ${detail}`);
      }
    }
    const walked = walk(value);
    if (walked) return walked;
    const json = JSON.stringify(value);
    if (utf8Length(json) > MAX_DEFINITION_BYTES) return tooBig();
    // Detach from the caller's objects: what we check is what we keep.
    return { ok: true, value: typeof input === 'string' ? value : JSON.parse(json), json };
  } catch {
    return refuse('', 'Không đọc được định nghĩa quy trình');
  }
}

function walk(root: unknown): ReadResult | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: root, path: '', depth: 0 }];
  const seen = new Set<object>();
  let nodes = 0;
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (++nodes > MAX_DEFINITION_NODES)
      return refuse('', `Định nghĩa quy trình có quá nhiều phần tử (tối đa ${MAX_DEFINITION_NODES})`);
    if (depth > MAX_DEFINITION_DEPTH)
      return refuse(path, `Định nghĩa lồng quá sâu (tối đa ${MAX_DEFINITION_DEPTH} cấp)`);
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return refuse(path, 'Số không hợp lệ (NaN hoặc vô cực)');
      continue;
    }
    if (typeof v !== 'object')
      return refuse(path, `Giá trị kiểu «${typeof v}» không phải JSON (không được chứa hàm hay mã lệnh)`);
    if (seen.has(v)) return refuse(path, 'Dữ liệu có tham chiếu vòng hoặc lặp lại, không phải JSON thuần');
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        stack.push({ v: v[i], path: pointer(path, i), depth: depth + 1 });
      continue;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null)
      return refuse(path, 'Giá trị không phải đối tượng JSON thuần');
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      if ((v as Record<string, unknown>)[k] === undefined) continue; // absent, as JSON.stringify treats it
      if (FORBIDDEN_KEYS.has(k)) return refuse(pointer(path, k), `Tên khoá «${k}» bị cấm vì lý do an toàn`);
      stack.push({ v: (v as Record<string, unknown>)[k], path: pointer(path, k), depth: depth + 1 });
    }
  }
  return null;
}
