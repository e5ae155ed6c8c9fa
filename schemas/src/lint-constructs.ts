/**
 * The JSON Schema constructs lint refuses, each with the reason in Vietnamese (schemas/README.md
 * lists them). Whatever passes works in every stage: fill, validation, computed fields, roll-up,
 * diff, carry-forward and the documents.
 */
import { normalizeRule } from './aggregate-rule.js';
import { escapeSegment, isPlainObject } from './pointer.js';
import type { Finding, JsonSchema } from './types.js';
import { deref, resolveSchema } from './walker.js';

/** AJV's compile errors (English) as a Vietnamese sentence saying what is wrong and where. */
export function ajvCompileMessageVi(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  let m: RegExpExecArray | null;
  if ((m = /can't resolve reference (\S+) from id (\S*)/.exec(msg)))
    return `không tìm thấy đích của "$ref": "${m[1]}". Tham chiếu phải trỏ tới một định nghĩa trong chính biểu mẫu ($defs, kể cả gói có $id); tham chiếu ra ngoài biểu mẫu không được hỗ trợ vì máy chủ không tải schema từ nơi khác.`;
  if ((m = /unknown keyword: "([^"]+)"/.exec(msg)))
    return `từ khoá "${m[1]}" không thuộc JSON Schema 2020-12 và không phải từ khoá riêng của hệ thống (x-aggregate, x-computed, x-unit, x-rules); biểu mẫu không thể kiểm tra một từ khoá nó không hiểu.`;
  if ((m = /unknown format "([^"]+)"/.exec(msg)))
    return `định dạng (format) "${m[1]}" không được hỗ trợ; dùng một trong: date, date-time, time, email, uri, hostname, ipv4, ipv6, uuid, data-url…`;
  if ((m = /reference "([^"]+)" resolves to more than one schema/.exec(msg)) || (m = /schema with key or id "([^"]+)" already exists/.exec(msg)))
    return `"$id" "${m[1]}" được dùng cho hai schema khác nhau trong gói; mỗi $id phải là duy nhất.`;
  if ((m = /schema is invalid: (.*)$/.exec(msg)))
    return `schema không đúng cú pháp JSON Schema 2020-12 (${m[1]!.replace(/^data/, 'tại schema')}).`;
  if ((m = /"(then|else)" without "if"/.exec(msg)))
    return `"${m[1]}" không có "if" đi kèm nên sẽ bị bỏ qua; hãy thêm điều kiện "if" hoặc bỏ "${m[1]}".`;
  if (/async schema in sync schema/.test(msg))
    return 'từ khoá "$async" (kiểm tra bất đồng bộ) không được hỗ trợ: biểu mẫu được kiểm tra ngay khi nhập và khi gửi, không chờ dịch vụ bên ngoài. Hãy bỏ "$async".';
  if ((m = /keyword "(id)", use "\$id"/.exec(msg)))
    return 'từ khoá "id" là cách viết của JSON Schema cũ (draft-04); trong JSON Schema 2020-12 hãy dùng "$id".';
  if (/strict mode/.test(msg)) return `schema có cấu trúc mơ hồ mà trình kiểm tra ở chế độ chặt từ chối (${msg.replace(/^strict mode: /, '')}).`;
  return `schema không biên dịch được (${msg}).`;
}

const DYNAMIC = ['$dynamicRef', '$recursiveRef', '$dynamicAnchor', '$recursiveAnchor'];
const FORMAT_LIMITS = ['formatMaximum', 'formatMinimum', 'formatExclusiveMaximum', 'formatExclusiveMinimum'];
const BRANCH_KEYS = ['oneOf', 'anyOf', 'allOf', 'then', 'else'] as const;

/** Refused constructs found anywhere in the schema, with the schema location and the reason. */
export function lintConstructs(root: JsonSchema): Finding[] {
  const out: Finding[] = [];
  const err = (path: string, message: string): void => void out.push({ severity: 'error', path, message });
  const visit = (node: unknown, path: string, where: { inCondition: boolean; inMap: boolean; refs: string[] }, depth: number): void => {
    if (depth > 100 || !isPlainObject(node)) return;
    for (const k of DYNAMIC)
      if (node[k] !== undefined)
        err(`${path}/${k}`, `"${k}" không được hỗ trợ: biểu mẫu (RJSF), bộ tổng hợp và văn bản cần biết trước các trường, tham chiếu động thì không cho biết. Dùng "$ref" tới $defs.`);
    for (const k of FORMAT_LIMITS)
      if (node[k] !== undefined)
        err(`${path}/${k}`, `"${k}" (giới hạn ngày/giờ theo định dạng) không được hỗ trợ: trình kiểm tra không so sánh được giá trị theo định dạng nên biểu mẫu sẽ không kiểm tra được. Hãy ghi khoảng ngày hợp lệ trong mô tả của trường, hoặc dùng một quy tắc (x-rules).`);
    if (where.inCondition && (node['x-aggregate'] !== undefined || node['x-computed'] !== undefined))
      err(path, 'x-aggregate/x-computed đặt trong điều kiện "if" hoặc "not" không có tác dụng: điều kiện chỉ dùng để kiểm tra, không khai báo trường. Hãy khai báo trường trong "properties", "then" hoặc "else".');
    if (where.inMap && node['x-computed'] !== undefined)
      err(path, 'Trường tính toán (x-computed) trong phần có tên mục tự do (additionalProperties/patternProperties) không được hỗ trợ: biểu thức không biết trước tên mục để tham chiếu.');
    if (where.inMap && isPlainObject(node['x-aggregate']) && 'ratio' in node['x-aggregate'])
      err(path, 'ratio trong phần có tên mục tự do (additionalProperties/patternProperties) không được hỗ trợ: tử số và mẫu số phải là trường có tên cố định.');
    if (node.prefixItems !== undefined) {
      const r = normalizeRule(node as JsonSchema);
      if (r.kind !== 'unset' && r.kind !== 'none')
        err(path, 'Mảng có vị trí cố định (prefixItems) chỉ dùng "x-aggregate": "none": ghép hoặc gộp dòng của nhiều đơn vị sẽ phá vị trí cố định và báo cáo tổng hợp không còn hợp lệ.');
    }
    if (typeof node.$ref === 'string') {
      const target = deref(root, node as JsonSchema);
      if (target && where.refs.includes(node.$ref)) {
        err(path, `Schema đệ quy ("$ref": "${node.$ref}" chứa lại chính nó): biểu mẫu, tổng hợp và văn bản cần một số trường hữu hạn.`);
        return;
      }
      if (target && target !== node) visit(target, path, { ...where, refs: [...where.refs, node.$ref] }, depth + 1);
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === 'enum' || k === 'const' || k === 'default' || k === 'examples' || k === 'x-aggregate' || k === 'x-rules' || k === '$defs' || k === 'definitions') continue;
      const p = `${path}/${escapeSegment(k)}`;
      const cond = where.inCondition || k === 'if' || k === 'not' || k === 'propertyNames' || k === 'contains';
      const map = where.inMap || k === 'additionalProperties' || k === 'patternProperties';
      if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${p}/${i}`, { ...where, inCondition: cond, inMap: map }, depth + 1));
      else if (isPlainObject(v)) {
        if (k === 'properties' || k === 'patternProperties' || k === 'dependentSchemas' || k === 'dependencies')
          for (const [pk, pv] of Object.entries(v)) visit(pv, `${p}/${escapeSegment(pk)}`, { ...where, inCondition: cond, inMap: map }, depth + 1);
        else visit(v, p, { ...where, inCondition: cond, inMap: map }, depth + 1);
      }
    }
    conflictingRules(node as JsonSchema, path);
  };

  /** One field, one roll-up rule: branches are merged in the compiled report. */
  const conflictingRules = (s: JsonSchema, path: string): void => {
    const branches: JsonSchema[] = [s];
    for (const k of BRANCH_KEYS) {
      const v = s[k];
      if (Array.isArray(v)) for (const b of v) if (isPlainObject(b)) branches.push(b as JsonSchema);
      if (isPlainObject(v)) branches.push(v as JsonSchema);
    }
    for (const k of ['dependentSchemas', 'dependencies'] as const)
      if (isPlainObject(s[k])) for (const b of Object.values(s[k] as object)) if (isPlainObject(b)) branches.push(b as JsonSchema);
    if (branches.length < 2) return;
    const rules = new Map<string, string>();
    for (const b0 of branches) {
      const b = b0 === s ? s : resolveSchema(root, b0);
      for (const [name, raw] of Object.entries(isPlainObject(b?.properties) ? (b!.properties as Record<string, JsonSchema>) : {})) {
        const ps = deref(root, raw);
        if (!ps || ps['x-aggregate'] === undefined) continue;
        const rule = JSON.stringify(ps['x-aggregate']);
        const prev = rules.get(name);
        if (prev !== undefined && prev !== rule)
          err(`${path}/properties/${escapeSegment(name)}`, `Trường "${typeof ps.title === 'string' ? ps.title : name}" khai báo x-aggregate khác nhau ở các lựa chọn (${prev} và ${rule}): báo cáo tổng hợp gộp mọi lựa chọn nên mỗi trường chỉ có một quy tắc tổng hợp.`);
        rules.set(name, rule);
      }
    }
  };

  visit(root, '/schema', { inCondition: false, inMap: false, refs: [] }, 0);
  return dedupe(out);
}

function dedupe(fs: Finding[]): Finding[] {
  const seen = new Set<string>();
  return fs.filter((f) => {
    const key = `${f.path}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
