/** Kiểm tra dữ liệu biểu mẫu bằng AJV 2020-12, hai chế độ: nháp và hoàn chỉnh. */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { boundsOnlySchema, withDefaultBounds } from './bounds.js';
import { linearRegExp, useLinearKeywords } from './linear-keywords.js';
import { localizeAjvErrors } from './locale-vi.js';
import { checkRules, type RuleFinding } from './rules.js';
import { draftSchema } from './draft-schema.js';
import { addBdgFormats, hasEmbeddedId } from './formats.js';
import type { FieldError, JsonSchema } from './types.js';
import { useMatcherAjv } from './walker.js';

// CJS → ESM: lấy export mặc định ở cả Node (NodeNext) và trình duyệt (bundler).
type AjvCtor = typeof Ajv2020;
type AddFormats = (ajv: InstanceType<AjvCtor>) => unknown;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;
export type Ajv = InstanceType<AjvCtor>;

/** Từ khoá riêng của chúng tôi, khai báo để AJV ở chế độ strict chấp nhận. */
export const CUSTOM_KEYWORDS = ['x-aggregate', 'x-computed', 'x-unit', 'x-rules'] as const;

/**
 * Tạo một AJV 2020-12 cấu hình như máy chủ dùng (allErrors, formats, từ khoá riêng).
 * Chi phí tuyến tính theo dữ liệu: pattern chạy bằng re2js, uniqueItems và enum bằng băm (linear-keywords.ts).
 */
export function createAjv(): Ajv {
  const ajv = new Ajv2020({
    allErrors: true,
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    // patternProperties may overlap named properties (both apply, as JSON Schema says)
    allowMatchingProperties: true,
    validateFormats: true,
    verbose: false,
    code: { optimize: true, regExp: linearRegExp },
  });
  useLinearKeywords(ajv);
  addFormats(ajv);
  addBdgFormats(ajv);
  type JsonType = 'string' | 'object' | 'array';
  const schemaTypes: Record<(typeof CUSTOM_KEYWORDS)[number], JsonType | JsonType[]> = {
    'x-aggregate': ['string', 'object'],
    'x-computed': 'string',
    'x-unit': 'string',
    // Checked by lint in Vietnamese and run by rules.ts, not by AJV.
    'x-rules': 'array',
  };
  for (const k of CUSTOM_KEYWORDS) ajv.addKeyword({ keyword: k, schemaType: schemaTypes[k] });
  return ajv;
}

// The walker decides which branch data takes with the same AJV configuration as validation.
useMatcherAjv(() => createAjv());

export { draftSchema };

// The root $id is kept (a bundle's relative $refs resolve against it); schemas that carry an $id
// compile in an AJV of their own, so two versions with the same $id never collide.
const forCompile = (schema: JsonSchema): JsonSchema => schema;

export interface TemplateValidator {
  validateDraft(data: unknown): FieldError[];
  /** Hình dạng và đầy đủ (AJV), cộng các quy tắc x-rules mức "error" không đạt. */
  validateComplete(data: unknown): FieldError[];
  /** Mọi quy tắc x-rules không đạt (lỗi và cảnh báo), cho người nhập và người duyệt xem. */
  checkRules(data: unknown): RuleFinding[];
  /** Hàm AJV đã biên dịch (để đo hiệu năng hoặc dùng trực tiếp) */
  readonly draft: ValidateFunction;
  readonly complete: ValidateFunction;
  /** Chỉ các giới hạn kích thước (maxItems, maxLength, maxProperties): chạy trước, một lượt qua dữ liệu. */
  readonly bounds: ValidateFunction;
}

let sharedAjv: Ajv | undefined;
function ajv(): Ajv {
  return (sharedAjv ??= createAjv());
}

const byObject = new WeakMap<JsonSchema, TemplateValidator>();
const byKey = new Map<string, TemplateValidator>();
const MAX_KEYED = 500;

/** Bộ kiểm tra của khoá này đã được biên dịch trong luồng này chưa (biên dịch một mẫu lớn tốn hàng trăm ms). */
export function hasValidator(cacheKey: string): boolean {
  return byKey.has(cacheKey);
}

/** Biên dịch (một lần, có nhớ đệm) bộ kiểm tra cho một phiên bản biểu mẫu. */
export function getValidator(schema: JsonSchema, cacheKey?: string): TemplateValidator {
  const hit = cacheKey !== undefined ? byKey.get(cacheKey) : byObject.get(schema);
  if (hit) return hit;
  const own = hasEmbeddedId(schema);
  const bounded = withDefaultBounds(schema);
  const compileOnce = (src: JsonSchema): ValidateFunction => {
    // a schema with an $id compiles in an AJV of its own: same $id, several versions, no collision
    const a = own ? createAjv() : ajv();
    const fn = a.compile(src);
    // Không để AJV giữ mọi phiên bản trong bộ nhớ đệm nội bộ; hàm đã biên dịch vẫn dùng được.
    a.removeSchema(src);
    return fn;
  };
  const complete = compileOnce(forCompile(bounded));
  const draft = compileOnce(forCompile(draftSchema(bounded)));
  const bounds = compileOnce(forCompile(boundsOnlySchema(bounded)));
  // Giới hạn kích thước trước: dữ liệu quá cỡ bị từ chối mà không chạy các từ khoá còn lại.
  const run = (fn: ValidateFunction, data: unknown): FieldError[] =>
    !bounds(data) ? localizeAjvErrors(bounds.errors as ErrorObject[], schema) : fn(data) ? [] : localizeAjvErrors(fn.errors as ErrorObject[], schema);
  const v: TemplateValidator = {
    draft,
    complete,
    bounds,
    validateDraft: (data) => run(draft, data),
    validateComplete: (data) => [...run(complete, data), ...checkRules(schema, data).filter((f) => f.severity === 'error')],
    checkRules: (data) => checkRules(schema, data),
  };
  if (cacheKey !== undefined) {
    if (byKey.size >= MAX_KEYED) byKey.delete(byKey.keys().next().value as string);
    byKey.set(cacheKey, v);
  } else byObject.set(schema, v);
  return v;
}
