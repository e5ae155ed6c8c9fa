/**
 * lintFlow: everything that can be wrong with a definition, as findings (severity, JSON
 * pointer, Vietnamese message). Runs on load, on save in the builder and before publish;
 * a definition with errors cannot be published. Never throws, never executes the input.
 */
import type { Finding, FlowDefinition, NamedRef } from './types.js';
import { readInput } from './read-input.js';
import { validateAgainstSchema } from './mini-schema.js';
import { flowDefinitionSchema } from './definition-schema.js';
import { normalize, type NormalFlow, type NormalTransition } from './normalize.js';
import { pointer } from './json-pointer.js';
import { roleFindings, tagFindings, type LintOptions } from './lint-tags.js';
import { upgradeFlow } from './upgrade.js';
import {
  ALL_GUARD,
  getActionDescriptor,
  getGuardDescriptor,
  guardVocabulary,
  actionVocabulary,
} from './vocabulary.js';

export type LintOutcome = { value: FlowDefinition | undefined; findings: Finding[] };

const error = (path: string, message: string): Finding => ({ severity: 'error', path, message });
const warning = (path: string, message: string): Finding => ({ severity: 'warning', path, message });

/** Findings of a definition (format-1 input is upgraded first); `opts.roles` checks the roles it names. */
export function lintFlow(input: unknown, opts: LintOptions = {}): Finding[] {
  const { value, findings } = lintInternal(input);
  return value && !hasErrors(findings) ? [...findings, ...roleFindings(value, opts)] : findings;
}

export function loadFlow(
  input: unknown,
  opts: LintOptions = {},
): { ok: true; definition: FlowDefinition; warnings: Finding[] } | { ok: false; findings: Finding[] } {
  const { value, findings: own } = lintInternal(input);
  const findings = value && !hasErrors(own) ? [...own, ...roleFindings(value, opts)] : own;
  if (!value || findings.some((f) => f.severity === 'error')) return { ok: false, findings };
  return { ok: true, definition: deepFreeze(value), warnings: findings };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

export function lintInternal(input: unknown): LintOutcome {
  try {
    const read = readInput(input);
    if (!read.ok) return { value: undefined, findings: read.findings };
    const findings = validateAgainstSchema(flowDefinitionSchema, read.value);
    if (hasErrors(findings)) return { value: undefined, findings };
    const def = upgradeFlow(read.value as FlowDefinition);
    findings.push(...semanticFindings(def));
    if (def.states[def.initial] !== undefined) findings.push(...tagFindings(def));
    return { value: def, findings };
  } catch {
    return {
      value: undefined,
      findings: [error('', 'Lỗi không mong đợi khi kiểm tra quy trình; quy trình không được dùng')],
    };
  }
}

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

function semanticFindings(def: FlowDefinition): Finding[] {
  const out: Finding[] = [];
  const flow = normalize(def);
  const stateLabel = (s: string): string => flow.states.get(s)?.label ?? s;

  if (!flow.label) out.push(warning('/meta/label', 'Quy trình chưa có tên tiếng Việt (meta.label)'));

  const initialOk = flow.states.has(flow.initial);
  if (!initialOk) out.push(error('/initial', `Trạng thái bắt đầu «${flow.initial}» không tồn tại`));

  for (const state of flow.states.values()) {
    if (!state.label)
      out.push(
        error(
          pointer(pointer(state.path, 'meta'), 'label'),
          `Trạng thái «${state.name}» chưa có nhãn tiếng Việt (meta.label)`,
        ),
      );
    const labelsSeen = new Map<string, string>();
    for (const [event, candidates] of state.events) {
      if (state.final) {
        out.push(
          error(
            pointer(pointer(state.path, 'on'), event),
            `Sự kiện «${event}» không bao giờ xảy ra: trạng thái kết thúc «${stateLabel(state.name)}» không nhận sự kiện nào`,
          ),
        );
      }
      let unguardedBefore: NormalTransition | undefined;
      for (const t of candidates) {
        const tLabel = t.label ?? event;
        if (!t.label)
          out.push(
            error(
              pointer(pointer(t.path, 'meta'), 'label'),
              `Sự kiện «${event}» ở trạng thái «${stateLabel(state.name)}» chưa có nhãn nút tiếng Việt (meta.label)`,
            ),
          );
        else {
          const other = labelsSeen.get(t.label);
          if (other !== undefined && other !== event)
            out.push(
              warning(
                pointer(pointer(t.path, 'meta'), 'label'),
                `Hai nút «${t.label}» trùng nhãn ở trạng thái «${stateLabel(state.name)}» (${other} và ${event})`,
              ),
            );
          labelsSeen.set(t.label, event);
        }
        if (!flow.states.has(t.target))
          out.push(error(targetPath(def, t), `Trạng thái đích «${t.target}» của «${tLabel}» không tồn tại`));
        out.push(...guardFindings(t));
        out.push(...actionFindings(def, t));
        if (unguardedBefore && !state.final)
          out.push(
            error(
              t.path,
              `«${tLabel}» không bao giờ xảy ra: chuyển trạng thái trước nó cho cùng sự kiện «${event}» không có điều kiện nên luôn được chọn`,
            ),
          );
        if (t.guards.length === 0) unguardedBefore ??= t;
        const types = new Set(t.guards.map((g) => g.type));
        if (types.has('isOwnUnit') && types.has('isParentReviewer'))
          out.push(
            error(
              pointer(t.path, 'guard'),
              `«${tLabel}» không bao giờ xảy ra: không ai vừa thuộc đơn vị lập báo cáo vừa thuộc đơn vị cấp trên (isOwnUnit và isParentReviewer)`,
            ),
          );
      }
    }
  }

  if (initialOk) out.push(...graphFindings(flow, stateLabel));
  return out;
}

function targetPath(def: FlowDefinition, t: NormalTransition): string {
  const raw = (def.states[t.source] as { on: Record<string, unknown> }).on[t.event];
  const single = Array.isArray(raw) ? raw[t.index] : raw;
  return typeof single === 'string' ? t.path : pointer(t.path, 'target');
}

function guardFindings(t: NormalTransition): Finding[] {
  const out: Finding[] = [];
  const base = pointer(t.path, 'guard');
  const raw = t.rawGuard;
  if (raw === undefined) return out;
  const refs: { ref: unknown; path: string }[] = [];
  const rawType = typeof raw === 'string' ? raw : (raw as NamedRef).type;
  if (rawType === ALL_GUARD) {
    const params = (raw as NamedRef).params ?? {};
    const list = params['guards'];
    const extra = Object.keys(params).filter((k) => k !== 'guards');
    for (const k of extra)
      out.push(error(pointer(pointer(base, 'params'), k), `Điều kiện «all» không có tham số «${k}»`));
    if (!Array.isArray(list) || list.length === 0) {
      out.push(
        error(pointer(base, 'params'), 'Điều kiện «all» cần danh sách «guards» gồm ít nhất một điều kiện'),
      );
      return out;
    }
    if (list.length > 20)
      out.push(
        error(pointer(pointer(base, 'params'), 'guards'), 'Điều kiện «all» có nhiều nhất 20 điều kiện'),
      );
    list.forEach((ref, i) =>
      refs.push({ ref, path: pointer(pointer(pointer(base, 'params'), 'guards'), i) }),
    );
  } else refs.push({ ref: raw, path: base });

  for (const { ref, path } of refs) {
    const r: NamedRef | undefined =
      typeof ref === 'string'
        ? { type: ref }
        : typeof ref === 'object' &&
            ref !== null &&
            !Array.isArray(ref) &&
            typeof (ref as NamedRef).type === 'string'
          ? (ref as NamedRef)
          : undefined;
    if (!r) {
      out.push(error(path, 'Phải là tên điều kiện hoặc {type, params}'));
      continue;
    }
    const schemaFindings = validateAgainstSchema(refSchema('guardRef'), ref, path, flowDefinitionSchema);
    if (schemaFindings.length > 0) {
      out.push(...schemaFindings);
      continue;
    }
    if (r.type === ALL_GUARD) {
      out.push(
        error(path, 'Không lồng điều kiện «all» trong «all»; hãy liệt kê các điều kiện trong một danh sách'),
      );
      continue;
    }
    const d = getGuardDescriptor(r.type);
    if (!d) {
      out.push(
        error(
          typeof ref === 'string' ? path : pointer(path, 'type'),
          `Điều kiện «${r.type}» không có trong bộ từ vựng (${guardVocabulary.map((g) => g.name).join(', ')}, all)`,
        ),
      );
      continue;
    }
    out.push(
      ...validateAgainstSchema(d.params, r.params ?? {}, pointer(path, 'params')).map((f) => ({
        ...f,
        message: `Điều kiện «${r.type}»: ${f.message}`,
      })),
    );
  }
  return out;
}

function refSchema(name: string): Record<string, unknown> {
  return { $ref: `#/definitions/${name}` };
}

function actionFindings(def: FlowDefinition, t: NormalTransition): Finding[] {
  const out: Finding[] = [];
  const raw = (def.states[t.source] as { on: Record<string, unknown> }).on[t.event];
  const single = (Array.isArray(raw) ? raw[t.index] : raw) as Record<string, unknown> | string;
  if (typeof single === 'string' || single['actions'] === undefined) return out;
  const base = pointer(t.path, 'actions');
  const list = Array.isArray(single['actions']) ? (single['actions'] as unknown[]) : [single['actions']];
  list.forEach((ref, i) => {
    const path = Array.isArray(single['actions']) ? pointer(base, i) : base;
    const r: NamedRef = typeof ref === 'string' ? { type: ref } : (ref as NamedRef);
    const d = getActionDescriptor(r.type);
    if (!d) {
      out.push(
        error(
          typeof ref === 'string' ? path : pointer(path, 'type'),
          `Hành động «${r.type}» không có trong bộ từ vựng (${actionVocabulary.map((a) => a.name).join(', ')})`,
        ),
      );
      return;
    }
    out.push(
      ...validateAgainstSchema(d.params, r.params ?? {}, pointer(path, 'params')).map((f) => ({
        ...f,
        message: `Hành động «${r.type}»: ${f.message}`,
      })),
    );
  });
  return out;
}

function graphFindings(flow: NormalFlow, stateLabel: (s: string) => string): Finding[] {
  const out: Finding[] = [];
  const succ = new Map<string, Set<string>>();
  const pred = new Map<string, Set<string>>();
  for (const s of flow.states.keys()) {
    succ.set(s, new Set());
    pred.set(s, new Set());
  }
  for (const s of flow.states.values()) {
    if (s.final) continue;
    for (const list of s.events.values())
      for (const t of list)
        if (flow.states.has(t.target)) {
          succ.get(s.name)!.add(t.target);
          pred.get(t.target)!.add(s.name);
        }
  }
  const reach = (from: Iterable<string>, edges: Map<string, Set<string>>): Set<string> => {
    const seen = new Set(from);
    const queue = [...seen];
    while (queue.length > 0)
      for (const n of edges.get(queue.pop()!)!)
        if (!seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
    return seen;
  };
  const reachable = reach([flow.initial], succ);
  const finals = [...flow.states.values()].filter((s) => s.final).map((s) => s.name);
  const canFinish = reach(finals, pred);

  if (finals.length === 0)
    out.push(error('/states', 'Quy trình không có trạng thái kết thúc nào (type: "final")'));
  else if (!finals.some((f) => reachable.has(f)))
    out.push(
      error(
        '/initial',
        `Từ trạng thái bắt đầu «${stateLabel(flow.initial)}» không thể đến trạng thái kết thúc nào`,
      ),
    );

  for (const s of flow.states.values()) {
    if (!reachable.has(s.name)) {
      out.push(
        error(
          s.path,
          `Trạng thái «${stateLabel(s.name)}» không thể đến được từ trạng thái bắt đầu «${stateLabel(flow.initial)}»`,
        ),
      );
      continue;
    }
    if (s.final) continue;
    const outs = [...succ.get(s.name)!].filter((x) => x !== s.name);
    if (outs.length === 0)
      out.push(
        error(
          s.path,
          `Trạng thái «${stateLabel(s.name)}» không phải trạng thái kết thúc nhưng không có lối ra (không có sự kiện nào dẫn sang trạng thái khác)`,
        ),
      );
    else if (finals.length > 0 && !canFinish.has(s.name) && finals.some((f) => reachable.has(f)))
      out.push(
        error(
          s.path,
          `Từ trạng thái «${stateLabel(s.name)}» không thể đến trạng thái kết thúc nào (hồ sơ sẽ bị kẹt)`,
        ),
      );
  }
  return out;
}
