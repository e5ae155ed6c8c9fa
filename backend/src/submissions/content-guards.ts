import type { FieldError, RuleFinding } from '@bdg/schemas';
import type { AuthUser } from '../common/current-user.js';
import { type Effect, eventLabel, type FlowDefinition, stateLabel } from '@bdg/workflows';
import { type ApiException, conflict, forbidden, unprocessable } from '../common/errors.js';

export function toProblem(e: FieldError) {
  return { path: e.path, title: e.title, message: e.message };
}

/** A 422 lists this many problems one by one; the rest are counted in one last entry. */
export const MAX_LISTED_PROBLEMS = 100;

/**
 * The problems a 422 lists: the first MAX_LISTED_PROBLEMS, then "… và N lỗi khác." for the others, so that
 * a body with thousands of wrong cells costs one short answer. `total` when the list was already cut
 * (the validation worker sends the first errors and the count).
 */
export function toProblems(errors: FieldError[], total = errors.length) {
  const listed = errors.slice(0, MAX_LISTED_PROBLEMS).map(toProblem);
  const more = total - listed.length;
  return more > 0 ? [...listed, { path: '', title: 'Biểu mẫu', message: `… và ${more.toLocaleString('vi-VN')} lỗi khác.` }] : listed;
}

export function summarise(errors: FieldError[], total = errors.length): string {
  const head = errors.slice(0, 3).map((e) => e.message).join(' ');
  return total > 3 ? `Biểu mẫu có ${total.toLocaleString('vi-VN')} lỗi. ${head} …` : head;
}

/** The client says which content it acted on; a different one now means the user did not see it (409). */
export function refuseStaleContent(seen: string | undefined, current: string): void {
  if (seen === undefined || seen === current) return;
  throw conflict(
    'Nội dung báo cáo đã thay đổi kể từ khi bạn mở nó. Hãy tải lại, xem các thay đổi rồi thực hiện lại.',
    { contentHash: current },
  );
}

/**
 * A transition that signs, or that ends the flow, seals the content: it must pass the complete check
 * (x-rules errors included) whatever guards the flow declares.
 */
export function refuseUnsealable(effects: Effect[], final: boolean, formErrors: FieldError[], label: string): void {
  if (!formErrors.length || !(final || effects.some((e) => e.type === 'sign'))) return;
  throw unprocessable(`Không thể "${label}": nội dung còn ${formErrors.length} lỗi. ${summarise(formErrors)}`, toProblems(formErrors));
}

export function refusalToHttp(
  refusal: { code: string; guard?: string; message: string },
  formErrors: FieldError[],
  type: string,
  def: FlowDefinition,
  state: string,
): ApiException {
  switch (refusal.code) {
    case 'ROLE_MISSING':
      return forbidden(refusal.message);
    case 'EVENT_NOT_ALLOWED':
      return conflict(
        `Không thể "${eventLabel(def, type)}" khi báo cáo đang ở trạng thái "${stateLabel(def, state)}".`,
        { state },
      );
    default: {
      const details =
        refusal.guard === 'formIsValid'
          ? toProblems(formErrors)
          : [{ path: refusal.guard ?? '', title: refusal.guard === 'hasComment' || refusal.guard === 'requireComment' ? 'Ý kiến' : refusal.guard ?? '', message: refusal.message }];
      // The form's own problems (a rule's message among them) say more than "the form has N errors".
      const message = refusal.guard === 'formIsValid' && formErrors.length ? `${refusal.message}: ${summarise(formErrors)}` : refusal.message;
      return unprocessable(message, details);
    }
  }
}

/** Who writes a report's data: its own unit's editor (a school), or its reviewer (a compiled report). */
export function mayEditData(user: AuthUser, row: { unitId: string }): boolean {
  return row.unitId === user.unitId && user.roles.some((r) => r === 'editor' || r === 'reviewer');
}

export function toFinding(f: RuleFinding) {
  return { ruleId: f.ruleId, severity: f.severity, path: f.path, title: f.title, message: f.message };
}
