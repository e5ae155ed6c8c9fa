/**
 * The vocabulary of guards and actions a flow definition may reference by name.
 * Implemented once here; documented in README.md. Guards are pure functions of
 * (actor, facts, event, now); actions are returned as effects for the caller to run.
 */
import type { Actor, FlowEvent, NamedRef, Role, SubmissionFacts } from './types.js';
import type { JsonSchema } from './mini-schema.js';
import { hasVisibleText } from './text.js';
import { noParams } from './action-vocabulary.js';

export {
  type ActionDescriptor,
  actionVocabulary,
  flattenActions,
  getActionDescriptor,
  RECIPIENTS,
  recipientLabels,
} from './action-vocabulary.js';

/** The built-in roles; a province adds its own (code + Vietnamese label) as data. */
export const ROLES: readonly Role[] = ['admin', 'editor', 'head', 'reviewer'];

/** A role code: built-in or defined by a province (e.g. `pho_hieu_truong`). */
export const ROLE_CODE_PATTERN = '^[a-z][a-z0-9_]{1,39}$';

export const roleLabels: Readonly<Record<Role, string>> = {
  admin: 'Quản trị',
  editor: 'Người nhập liệu',
  head: 'Thủ trưởng đơn vị',
  reviewer: 'Người duyệt',
};

export const DEFAULT_COMMENT_MESSAGE = 'Cần nhập lý do trả lại';
export const DEFAULT_COMMENT_LABEL = 'Lý do trả lại';

/** Name of the composite guard that requires several named guards on one transition. */
export const ALL_GUARD = 'all';

export interface GuardInput {
  actor: Actor;
  facts: SubmissionFacts;
  event: FlowEvent;
  now: Date;
}

export type GuardKind = 'role' | 'data' | 'comment';

export interface GuardDescriptor {
  name: string;
  /** Vietnamese name for the builder's picker. */
  label: string;
  /** Vietnamese explanation. */
  description: string;
  /** 'role' guards refuse with ROLE_MISSING, others with GUARD_FAILED. */
  kind: GuardKind;
  /** JSON Schema of `params` ({} when none). */
  params: JsonSchema;
}

type GuardCheck = (input: GuardInput, params: Record<string, unknown>) => string | null;

interface GuardImpl extends GuardDescriptor {
  /** null = passes; otherwise the Vietnamese reason. */
  check: GuardCheck;
  /** Vietnamese one-liner for simulation, e.g. "Người thực hiện có vai trò Thủ trưởng đơn vị". */
  describe: (params: Record<string, unknown>) => string;
}

const roleEnum: JsonSchema = { type: 'string', pattern: ROLE_CODE_PATTERN };

const hasText = hasVisibleText;

/** "66,5 %": the Vietnamese way, as every screen and document writes a percentage (a space before the sign). */
const percentVi = (n: number): string => `${String(n).replace('.', ',')} %`;

export function roleNames(params: Record<string, unknown>): string[] {
  if (typeof params['role'] === 'string') return [params['role']];
  if (Array.isArray(params['roles'])) return params['roles'] as string[];
  return [];
}

/** A role's Vietnamese label: the province's label, the built-in one, or the code. */
function roleText(role: string, labels?: Readonly<Record<string, string>>): string {
  return labels?.[role] ?? (roleLabels as Record<string, string>)[role] ?? role;
}

function rolesText(roles: string[], labels?: Readonly<Record<string, string>>): string {
  return roles.map((r) => `«${roleText(r, labels)}»`).join(' hoặc ');
}

const VN_OFFSET_MS = 7 * 3600 * 1000;

/** Deadline as an instant: a bare date means the end of that day in Vietnam (UTC+7). */
export function deadlineInstant(deadline: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return Date.parse(`${deadline}T23:59:59.999+07:00`);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(deadline))
    return Date.parse(`${deadline}+07:00`);
  return Date.parse(deadline);
}

function formatVn(ms: number): string {
  const d = new Date(ms + VN_OFFSET_MS);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())} ngày ${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

const guardImpls: GuardImpl[] = [
  {
    name: 'hasRole',
    label: 'Có vai trò',
    description: 'Người thực hiện có vai trò đã chọn (hoặc một trong các vai trò đã chọn).',
    kind: 'role',
    params: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 1,
      properties: {
        role: { ...roleEnum, title: 'Vai trò' },
        roles: { type: 'array', title: 'Một trong các vai trò', minItems: 1, maxItems: 10, items: roleEnum },
      },
    },
    check: ({ actor, facts }, params) => {
      const roles = roleNames(params);
      return roles.some((r) => actor.roles.includes(r))
        ? null
        : `Bạn cần vai trò ${rolesText(roles, facts.roleLabels)} để thực hiện thao tác này`;
    },
    describe: (params) => `Người thực hiện có vai trò ${rolesText(roleNames(params))}`,
  },
  {
    name: 'isOwnUnit',
    label: 'Thuộc đơn vị lập báo cáo',
    description: 'Người thực hiện thuộc chính đơn vị lập báo cáo.',
    kind: 'role',
    params: noParams,
    check: ({ actor, facts }) =>
      actor.unitId === facts.unitId
        ? null
        : 'Chỉ người thuộc đơn vị lập báo cáo mới được thực hiện thao tác này',
    describe: () => 'Người thực hiện thuộc đơn vị lập báo cáo',
  },
  {
    name: 'isParentReviewer',
    label: 'Người duyệt của đơn vị cấp trên',
    description:
      'Người thực hiện có vai trò người duyệt (hoặc vai trò đã chọn) tại đơn vị cấp trên trực tiếp của đơn vị lập báo cáo.',
    kind: 'role',
    params: {
      type: 'object',
      additionalProperties: false,
      properties: { role: { ...roleEnum, title: 'Vai trò (mặc định: reviewer)' } },
    },
    check: ({ actor, facts }, params) => {
      const role = (params['role'] as string | undefined) ?? 'reviewer';
      if (facts.parentUnitId !== null && actor.unitId === facts.parentUnitId && actor.roles.includes(role))
        return null;
      return `Chỉ ${roleText(role, facts.roleLabels).toLowerCase()} của đơn vị cấp trên mới được thực hiện thao tác này`;
    },
    describe: (params) =>
      `Người thực hiện là ${roleText((params['role'] as string | undefined) ?? 'reviewer').toLowerCase()} của đơn vị cấp trên`,
  },
  {
    name: 'formIsValid',
    label: 'Biểu mẫu hợp lệ',
    description: 'Biểu mẫu đã đầy đủ và hợp lệ theo kiểm tra hoàn chỉnh (không còn lỗi nào).',
    kind: 'data',
    params: noParams,
    check: ({ facts }) => (facts.formErrorCount === 0 ? null : `Biểu mẫu còn ${facts.formErrorCount} lỗi`),
    describe: () => 'Biểu mẫu không còn lỗi',
  },
  {
    name: 'childrenAccepted',
    label: 'Đơn vị trực thuộc đã được chấp nhận',
    description:
      'Tất cả (mặc định), hoặc ít nhất N % (percent), hoặc ít nhất N đơn vị (count) trực thuộc đã được chấp nhận; nêu cả hai thì phải đạt cả hai.',
    kind: 'data',
    params: {
      type: 'object',
      additionalProperties: false,
      properties: {
        percent: { type: 'number', title: 'Tỉ lệ tối thiểu (%)', minimum: 1, maximum: 100 },
        count: { type: 'integer', title: 'Số đơn vị tối thiểu', minimum: 1, maximum: 100000 },
      },
    },
    check: ({ facts }, params) => {
      const hasPercent = typeof params['percent'] === 'number';
      const count = typeof params['count'] === 'number' ? params['count'] : null;
      // Neither given: all children; a count alone does not also demand 100 %.
      const percent = hasPercent ? (params['percent'] as number) : count === null ? 100 : 0;
      const { childrenAccepted: done, childrenTotal: total } = facts;
      if (total <= 0) return null;
      if (count !== null && done < Math.min(count, total))
        return `Cần ít nhất ${Math.min(count, total)} đơn vị trực thuộc được chấp nhận (mới có ${done}/${total})`;
      if (done * 100 >= percent * total) return null;
      return percent >= 100
        ? `Cần tất cả đơn vị trực thuộc được chấp nhận (mới có ${done}/${total})`
        : `Cần ít nhất ${percentVi(percent)} đơn vị trực thuộc được chấp nhận (mới có ${done}/${total})`;
    },
    describe: (params) => {
      const parts: string[] = [];
      if (typeof params['percent'] === 'number' && params['percent'] < 100) parts.push(`ít nhất ${percentVi(params['percent'])}`);
      if (typeof params['count'] === 'number') parts.push(`ít nhất ${params['count']} đơn vị`);
      if (!parts.length) return 'Tất cả đơn vị trực thuộc đã được chấp nhận';
      const text = `${parts.join(' và ')} đơn vị trực thuộc đã được chấp nhận`.replace('đơn vị đơn vị', 'đơn vị');
      return text.charAt(0).toUpperCase() + text.slice(1);
    },
  },
  {
    name: 'beforeDeadline',
    label: 'Còn trong hạn',
    description:
      'Chưa quá hạn nộp của đợt báo cáo (cộng thêm số ngày ân hạn nếu có). Không có hạn thì luôn đạt.',
    kind: 'data',
    params: {
      type: 'object',
      additionalProperties: false,
      properties: { graceDays: { type: 'integer', title: 'Số ngày ân hạn', minimum: 0, maximum: 365 } },
    },
    check: ({ facts, now }, params) => {
      if (facts.deadline === null) return null;
      const at = deadlineInstant(facts.deadline);
      if (Number.isNaN(at)) return `Hạn nộp «${facts.deadline}» không hợp lệ`;
      const grace = typeof params['graceDays'] === 'number' ? params['graceDays'] * 86_400_000 : 0;
      return now.getTime() <= at + grace ? null : `Đã quá hạn nộp (${formatVn(at + grace)})`;
    },
    describe: (params) =>
      typeof params['graceDays'] === 'number' && params['graceDays'] > 0
        ? `Chưa quá hạn nộp ${params['graceDays']} ngày`
        : 'Chưa quá hạn nộp',
  },
  {
    name: 'hasComment',
    label: 'Có lý do',
    description:
      'Người thực hiện đã nhập nhận xét/lý do (không để trống). Nút tương ứng sẽ hiện ô nhập lý do.',
    kind: 'comment',
    params: {
      type: 'object',
      additionalProperties: false,
      properties: {
        message: { type: 'string', title: 'Thông báo khi thiếu', minLength: 1, maxLength: 200 },
        label: { type: 'string', title: 'Nhãn ô nhập', minLength: 1, maxLength: 100 },
      },
    },
    check: ({ event }, params) =>
      hasText(event.comment) ? null : ((params['message'] as string | undefined) ?? DEFAULT_COMMENT_MESSAGE),
    describe: () => 'Có nhập lý do',
  },
];

const guardByName = new Map(guardImpls.map((g) => [g.name, g]));

export const guardVocabulary: readonly GuardDescriptor[] = guardImpls.map(
  ({ name, label, description, kind, params }) => ({
    name,
    label,
    description,
    kind,
    params,
  }),
);

export function getGuardDescriptor(name: string): GuardDescriptor | undefined {
  return guardByName.get(name);
}

export function describeGuard(ref: NamedRef): string {
  const g = guardByName.get(ref.type);
  return g ? g.describe(ref.params ?? {}) : ref.type;
}

export type GuardFailure = { guard: string; kind: GuardKind; message: string };

const KIND_ORDER: Record<GuardKind, number> = { role: 0, data: 1, comment: 2 };

/**
 * Evaluates a list of guards: role guards first (so a stranger learns nothing about the
 * form), then the others, each group in the order written. Returns the first failure.
 */
export function evaluateGuards(
  refs: readonly NamedRef[],
  input: GuardInput,
  skipComment = false,
): GuardFailure | null {
  const ordered = refs
    .map((ref, i) => ({ ref, i, impl: guardByName.get(ref.type) }))
    .sort(
      (a, b) => (a.impl ? KIND_ORDER[a.impl.kind] : 3) - (b.impl ? KIND_ORDER[b.impl.kind] : 3) || a.i - b.i,
    );
  for (const { ref, impl } of ordered) {
    if (!impl)
      return { guard: ref.type, kind: 'data', message: `Điều kiện «${ref.type}» không có trong bộ từ vựng` };
    if (skipComment && impl.kind === 'comment') continue;
    const message = impl.check(input, ref.params ?? {});
    if (message !== null) return { guard: ref.type, kind: impl.kind, message };
  }
  return null;
}

/** A guard reference as written (string, {type, params} or the composite `all`) as a flat list. */
export function flattenGuard(guard: unknown): NamedRef[] {
  if (guard === undefined) return [];
  if (typeof guard === 'string') return [{ type: guard }];
  if (typeof guard === 'object' && guard !== null) {
    const g = guard as { type?: unknown; params?: Record<string, unknown> };
    if (g.type === ALL_GUARD) {
      const list = g.params?.['guards'];
      return Array.isArray(list) ? list.flatMap((x) => flattenGuard(x)) : [];
    }
    return [{ type: String(g.type), ...(g.params ? { params: g.params } : {}) }];
  }
  return [];
}
