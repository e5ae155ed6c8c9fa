/** Lint of state tags and of the roles a flow names (README "State tags", "Roles"). */
import type { Finding, FlowDefinition } from './types.js';
import { normalize } from './normalize.js';
import { pointer } from './json-pointer.js';
import { rolesUsed, stateTags } from './tags.js';
import { FLAG_TAGS, isStatusTag, STATUS_TAGS } from './tag-vocabulary.js';
import { ROLES } from './vocabulary.js';

/** A role the flow may name: built in, or defined by the province (with how many users hold it). */
export interface KnownRole {
  code: string;
  label: string;
  /** Active users holding the role where the flow is used; unknown when absent. */
  holders?: number;
}

export interface LintOptions {
  /** The province's roles (built-ins may be left out). Without it, custom role codes are not checked. */
  roles?: readonly KnownRole[];
}

const error = (path: string, message: string): Finding => ({ severity: 'error', path, message });
const warning = (path: string, message: string): Finding => ({ severity: 'warning', path, message });

export function tagFindings(def: FlowDefinition): Finding[] {
  const out: Finding[] = [];
  const flow = normalize(def);
  const label = (s: string) => flow.states.get(s)?.label ?? s;
  const known = new Set<string>([...STATUS_TAGS, ...FLAG_TAGS]);
  for (const s of flow.states.values()) {
    const tags = stateTags(def, s.name);
    const statuses = tags.filter(isStatusTag);
    const at = pointer(s.path, 'tags');
    if (statuses.length === 0)
      out.push(error(at, `Trạng thái «${label(s.name)}» chưa có nhãn ý nghĩa (một trong: ${STATUS_TAGS.join(', ')})`));
    else if (statuses.length > 1)
      out.push(error(at, `Trạng thái «${label(s.name)}» có ${statuses.length} nhãn ý nghĩa (${statuses.join(', ')}); chỉ được một`));
    for (const t of tags)
      if (!known.has(t)) out.push(warning(at, `Nhãn «${t}» của trạng thái «${label(s.name)}» không có trong bộ từ vựng, hệ thống bỏ qua`));
    if (s.final && statuses.length === 1 && statuses[0] !== 'done')
      out.push(warning(at, `Trạng thái kết thúc «${label(s.name)}» không mang nhãn done: đơn vị ở đó không được tính là đã xong`));
  }
  const reachable = new Set([flow.initial]);
  const queue = [flow.initial];
  while (queue.length)
    for (const list of flow.states.get(queue.pop()!)?.events.values() ?? [])
      for (const t of list)
        if (!reachable.has(t.target)) {
          reachable.add(t.target);
          queue.push(t.target);
        }
  const doneReachable = [...flow.states.values()].some((s) => s.final && reachable.has(s.name) && stateTags(def, s.name).includes('done'));
  if (flow.states.has(flow.initial) && !doneReachable)
    out.push(error('/states', 'Không có trạng thái kết thúc mang nhãn done (đã xong) nào đến được từ trạng thái bắt đầu'));
  return out;
}

/** A step whose actor role no user can hold is a warning; so is a role the province has not defined. */
export function roleFindings(def: FlowDefinition, opts: LintOptions): Finding[] {
  if (!opts.roles) return [];
  const byCode = new Map(opts.roles.map((r) => [r.code, r]));
  const out: Finding[] = [];
  for (const [role, ts] of rolesUsed(def)) {
    const r = byCode.get(role);
    const steps = [...new Set(ts.map((t) => `«${t.label ?? t.event}»`))].join(', ');
    const at = pointer(ts[0]!.path, 'guard');
    if (!r && !(ROLES as string[]).includes(role))
      out.push(warning(at, `Vai trò «${role}» chưa được định nghĩa trong tỉnh: không ai thực hiện được bước ${steps}. Hãy tạo vai trò này trong mục Vai trò.`));
    else if (r?.holders === 0)
      out.push(warning(at, `Chưa có người dùng nào giữ vai trò «${r.label}»: bước ${steps} sẽ không ai thực hiện được.`));
  }
  return out;
}
