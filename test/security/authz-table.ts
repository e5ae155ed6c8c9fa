/**
 * The authorization matrix's table (authz-matrix.test.ts runs it): every route the app serves, with the
 * answer class expected for each role on its own unit, a child unit and another subtree. A new route
 * gets a row here; the suite fails on a route with no row, or a row for a route that is gone.
 */
export type Role = 'admin' | 'reviewer' | 'editor' | 'head';
export type Target = 'own' | 'child' | 'other';
/**
 * Answer classes:
 *  '2'   2xx — the user may do this;
 *  'ok'  authorized: 2xx, or a refusal about the body or the state (400/409/422), never 401/403/404/5xx;
 *  '403' / '404' exactly that; 'no' 403 or 404;
 *  'ref' any refusal (403/404/409/422: the user sees the thing but may not act), never 2xx;
 *  '-'   not applicable (a school has no child unit).
 */
export type Cls = '2' | 'ok' | '403' | '404' | '422' | 'no' | 'ref' | '-';
export type Row = [Cls, Cls, Cls];

export const ROLES: Record<Role, { user: string; own: string; child: string | null; other: string }> = {
  admin: { user: 'hy.admin', own: 'SO-HY', child: 'PGD-KC', other: 'SO-PT' }, // admin of a province
  reviewer: { user: 'kc.reviewer', own: 'PGD-KC', child: 'KC-TH-TAN-DAN', other: 'PGD-VG' }, // reviewer of a Phòng
  editor: { user: 'kc.th-tan-dan.editor', own: 'KC-TH-TAN-DAN', child: null, other: 'KC-TH-DONG-TIEN' },
  head: { user: 'kc.th-tan-dan.head', own: 'KC-TH-TAN-DAN', child: null, other: 'KC-TH-DONG-TIEN' },
};
/** A user of each unit used as a target of /api/users/:id (never the acting user). */
export const USER_AT: Record<Role, Record<Target, string | null>> = {
  admin: { own: 'hy.so.reviewer', child: 'kc.head', other: 'pt.so.reviewer' },
  reviewer: { own: 'kc.head', child: 'kc.th-tan-dan.head', other: 'vg.reviewer' },
  editor: { own: 'kc.th-tan-dan.head', child: null, other: 'kc.th-dong-tien.editor' },
  head: { own: 'kc.th-tan-dan.editor', child: null, other: 'kc.th-dong-tien.head' },
};

/** Which resource the route's {id} (or its body/query) points at. */
export type Kind = 'none' | 'unit' | 'submission' | 'user' | 'round' | 'notification' | 'job' | 'attachment' | 'template' | 'flow' | 'regime';

export interface Case {
  kind: Kind;
  expect: Record<Role, Row>;
  /** anonymous: 401 unless said otherwise */
  anon?: number;
}

export const same = (r: Row): Record<Role, Row> => ({ admin: r, reviewer: r, editor: [r[0], '-', r[2]], head: [r[0], '-', r[2]] });
export const adminOnly = (admin: Row): Record<Role, Row> => ({
  admin,
  reviewer: ['403', '403', '403'],
  editor: ['403', '-', '403'],
  head: ['403', '-', '403'],
});

export const imagesOf = (admin: Row): Record<Role, Row> => ({
  admin,
  reviewer: ['403', '403', '404'],
  editor: ['403', '-', '404'],
  head: ['403', '-', '404'],
});

// ─────────────────────────────── THE TABLE ───────────────────────────────
// For routes without a target ('none') only the first column counts.
export const TABLE: Record<string, Case> = {
  // org units — lists filter by subtree (a parentId elsewhere gives an empty list)
  'GET /api/org-units': { kind: 'unit', expect: same(['2', '2', '2']) },
  'POST /api/org-units': { kind: 'unit', expect: adminOnly(['2', '2', '404']) },
  'GET /api/org-units/{id}': { kind: 'unit', expect: same(['2', '2', '404']) },
  'PATCH /api/org-units/{id}': { kind: 'unit', expect: adminOnly(['2', '2', '404']) },
  'GET /api/org-units/{id}/tree': { kind: 'unit', expect: same(['2', '2', '404']) },
  // moving one's own unit is refused (403); a child to its current parent is a no-op
  'POST /api/org-units/{id}/move': { kind: 'unit', expect: adminOnly(['403', 'ok', '404']) },
  'GET /api/org-units/{id}/merge-preview': { kind: 'unit', expect: adminOnly(['2', '2', '404']) },
  // body: merge into the target's own child → 422 for the admin (never executed)
  'POST /api/org-units/{id}/merge': { kind: 'unit', expect: adminOnly(['403', 'ok', '404']) },
  'POST /api/org-units/import': { kind: 'none', expect: adminOnly(['ok', '-', '-']) },
  // users
  'GET /api/users': { kind: 'unit', expect: adminOnly(['2', '2', '2']) },
  'POST /api/users': { kind: 'unit', expect: adminOnly(['2', '2', '404']) },
  'PATCH /api/users/{id}': { kind: 'user', expect: adminOnly(['2', '2', '404']) },
  'POST /api/users/import': { kind: 'none', expect: adminOnly(['ok', '-', '-']) },
  // the audit log ("Nhật ký"): an admin, of the people of their subtree; a unit elsewhere does not exist
  'GET /api/audit': { kind: 'unit', expect: adminOnly(['2', '2', '404']) },
  // auth: wrong password for everyone, anonymous included
  'POST /api/auth/login': { kind: 'none', expect: same(['ref', '-', '-']), anon: 401 },
  // "Quên mật khẩu": public, the same 202 for any username; a bogus reset link is 422 for everyone
  'POST /api/auth/forgot-password': { kind: 'none', expect: same(['2', '-', '-']), anon: 202 },
  'POST /api/auth/reset-password': { kind: 'none', expect: same(['422', '-', '-']), anon: 422 },
  'GET /api/me': { kind: 'none', expect: same(['2', '-', '-']) },
  // notifications are personal: another user's is 404 whoever asks
  'GET /api/notifications': { kind: 'none', expect: same(['2', '-', '-']) },
  'POST /api/notifications/{id}/read': { kind: 'notification', expect: same(['2', '404', '404']) },
  'POST /api/notifications/read-all': { kind: 'none', expect: same(['2', '-', '-']) },
  // templates and flows: own = owned by Sở Hưng Yên (read by its subtree), other = owned by Sở Phú Thọ
  'GET /api/templates': { kind: 'none', expect: same(['2', '-', '-']) },
  'GET /api/templates/{code}/versions': { kind: 'template', expect: same(['2', '-', '404']) },
  // a code another province owns: 409 "already used" (codes are one national namespace)
  'POST /api/templates/{code}/versions': { kind: 'template', expect: adminOnly(['2', '-', 'ref']) },
  'GET /api/templates/{code}/versions/{version}': { kind: 'template', expect: same(['2', '-', '404']) },
  'PUT /api/templates/{code}/versions/{version}': {
    kind: 'template',
    expect: { admin: ['ok', '-', '404'], reviewer: ['403', '-', '404'], editor: ['403', '-', '404'], head: ['403', '-', '404'] },
  },
  'POST /api/templates/{code}/versions/{version}/publish': {
    kind: 'template',
    expect: { admin: ['ok', '-', '404'], reviewer: ['403', '-', '404'], editor: ['403', '-', '404'], head: ['403', '-', '404'] },
  },
  'GET /api/flows': { kind: 'none', expect: same(['2', '-', '-']) },
  'POST /api/flows/lint': { kind: 'none', expect: same(['2', '-', '-']) },
  'GET /api/flows/{code}/versions/{version}': { kind: 'flow', expect: same(['2', '-', '404']) },
  'POST /api/flows/{code}/versions': { kind: 'flow', expect: adminOnly(['2', '-', 'ref']) },
  'POST /api/flows/{code}/versions/{version}/publish': {
    kind: 'flow',
    expect: { admin: ['ok', '-', '404'], reviewer: ['403', '-', '404'], editor: ['403', '-', '404'], head: ['403', '-', '404'] },
  },
  // rounds: own = the Hưng Yên round (rooted above everyone here), other = the Phú Thọ round
  'GET /api/rounds': { kind: 'none', expect: same(['2', '-', '-']) },
  'POST /api/rounds': { kind: 'unit', expect: adminOnly(['2', '2', '404']) },
  'POST /api/rounds/preview': { kind: 'unit', expect: same(['2', '2', '404']) },
  'GET /api/rounds/{id}': { kind: 'round', expect: same(['2', '-', '404']) },
  'GET /api/rounds/{id}/progress': { kind: 'round', expect: same(['2', '-', '404']) },
  // "Nhắc tất cả đơn vị trễ hạn": reviewers and admins of a round they see; no late child here is fine (2xx)
  'POST /api/rounds/{id}/remind-late': {
    kind: 'round',
    expect: { admin: ['2', '-', '404'], reviewer: ['2', '-', '404'], editor: ['403', '-', '404'], head: ['403', '-', '404'] },
  },
  // "Nhắc" one unit: only from above it (its own people are refused); handed in or reminded this hour: a refusal
  'POST /api/submissions/{id}/remind': {
    kind: 'submission',
    expect: { admin: ['403', 'ok', '404'], reviewer: ['403', 'ok', '404'], editor: ['403', '-', '404'], head: ['403', '-', '404'] },
  },
  // the reviewer's list: a report of another subtree is left out (summary) or refused by position (bulk accept)
  'GET /api/submissions/review-summary': { kind: 'submission', expect: same(['2', '2', '2']) },
  'POST /api/submissions/bulk-accept': { kind: 'submission', expect: same(['2', '2', '2']) },
  // submissions
  'GET /api/my-work': { kind: 'none', expect: same(['2', '-', '-']) },
  'GET /api/submissions': { kind: 'unit', expect: same(['2', '2', '2']) },
  'GET /api/submissions/{id}': { kind: 'submission', expect: same(['2', '2', '404']) },
  // only the unit's own editor/reviewer/head writes its data; the admin role alone may not
  'PUT /api/submissions/{id}/data': {
    kind: 'submission',
    expect: { admin: ['403', '403', '404'], reviewer: ['ok', '403', '404'], editor: ['ok', '-', '404'], head: ['403', '-', '404'] },
  },
  // SUBMIT: a refusal everywhere here (state, role or incomplete form), and 404 for another subtree
  'POST /api/submissions/{id}/events': {
    kind: 'submission',
    expect: { admin: ['ref', 'ref', '404'], reviewer: ['ref', '403', '404'], editor: ['422', '-', '404'], head: ['403', '-', '404'] },
  },
  'GET /api/submissions/{id}/history': { kind: 'submission', expect: same(['2', '2', '404']) },
  'GET /api/submissions/{id}/children': { kind: 'submission', expect: same(['2', '2', '404']) },
  // the last RETURN of a submission never returned: 404 "never returned" when visible, 404 "not found" otherwise
  'GET /api/submissions/{id}/returned': { kind: 'submission', expect: same(['404', '404', '404']) },
  'GET /api/submissions/{id}/previous': { kind: 'submission', expect: same(['2', '2', '404']) },
  // sources of a submission never compiled: 404 "not compiled" when visible, 404 "not found" otherwise
  'GET /api/submissions/{id}/sources': { kind: 'submission', expect: same(['404', '404', '404']) },
  'GET /api/submissions/{id}/verify': { kind: 'submission', expect: same(['2', '2', '404']) },
  'GET /api/submissions/{id}/attachments': { kind: 'submission', expect: same(['2', '2', '404']) },
  // only the unit that reports attaches evidence (any of its users)
  'POST /api/submissions/{id}/attachments': {
    kind: 'submission',
    expect: { admin: ['2', '403', '404'], reviewer: ['2', '403', '404'], editor: ['2', '-', '404'], head: ['2', '-', '404'] },
  },
  'GET /api/attachments/{id}': { kind: 'attachment', expect: same(['2', '2', '404']) },
  // exports (xlsx of a draft); jobs are personal: only the requester sees one (another user's is 404)
  'GET /api/submissions/{id}/export': { kind: 'submission', expect: same(['2', '2', '404']) },
  'GET /api/jobs/{id}': { kind: 'job', expect: same(['2', '404', '404']) },
  'GET /api/jobs/{id}/file': { kind: 'job', expect: same(['ok', '404', '404']) },
  // reporting regimes: own = Khoái Châu's plan (owned by Sở Hưng Yên), other = Phú Thọ's; read by the subtree
  'GET /api/regimes': { kind: 'none', expect: same(['2', '-', '-']) },
  'POST /api/regimes': { kind: 'none', expect: adminOnly(['ok', '-', '-']) },
  'POST /api/regimes/open-due': { kind: 'none', expect: adminOnly(['ok', '-', '-']) },
  // the regime editor's and the round wizard's checks before saving or opening: admins only, nothing written
  'POST /api/regimes/draft/preview': { kind: 'none', expect: adminOnly(['2', '-', '-']) },
  'POST /api/regimes/check-deadlines': { kind: 'unit', expect: adminOnly(['2', '2', '404']) },
  'PATCH /api/regimes/{code}': {
    kind: 'regime',
    expect: { admin: ['ok', '-', '404'], reviewer: ['403', '-', '404'], editor: ['403', '-', '404'], head: ['403', '-', '404'] },
  },
  'GET /api/regimes/{code}/preview': { kind: 'regime', expect: same(['2', '-', '404']) },
  // the working-day calendar is national: only the root's admin adjusts it (a province admin too is refused)
  'GET /api/calendar/{year}': { kind: 'none', expect: same(['2', '-', '-']) },
  'POST /api/calendar/adjustments': { kind: 'none', expect: same(['403', '-', '-']) },
  'DELETE /api/calendar/adjustments/{date}': { kind: 'none', expect: same(['403', '-', '-']) },
  // roles a province defines: read by everyone, written by admins (an unknown id is 404 or 403)
  'GET /api/roles': { kind: 'none', expect: same(['2', '-', '-']) },
  // unit kinds' Vietnamese labels: read by everyone; the top admin names a kind for all, a province admin for its
  // own subtree (a per-province name over the national one), and may go back to the national name
  'GET /api/unit-kinds': { kind: 'none', expect: same(['2', '-', '-']) },
  'PUT /api/unit-kinds/{code}': { kind: 'none', expect: adminOnly(['2', '-', '-']) },
  'DELETE /api/unit-kinds/{code}/local': { kind: 'none', expect: adminOnly(['2', '-', '-']) },
  'POST /api/roles': { kind: 'none', expect: adminOnly(['ok', '-', '-']) },
  'PATCH /api/roles/{id}': { kind: 'none', expect: same(['no', '-', '-']) },
  // one's own session: logout revokes one's tokens (the matrix signs in again); a wrong current password is refused
  'POST /api/auth/logout': { kind: 'none', expect: same(['2', '-', '-']) },
  'POST /api/auth/password': { kind: 'none', expect: same(['ref', '-', '-']) },
  // the own-password screen: with a wrong current password every role gets the 422, never a change
  'POST /api/me/password': { kind: 'none', expect: same(['ref', '-', '-']) },
  'GET /api/submissions/{id}/compile-preview': { kind: 'submission', expect: same(['ok', 'ok', '404']) },
  'GET /api/submissions/{id}/attachments/quota': { kind: 'submission', expect: same(['2', '2', '404']) },
  'GET /api/submissions/{id}/signatures': { kind: 'submission', expect: same(['2', '2', '404']) },
  // the USB-token steps belong to the unit's head; before SIGN they are refused
  'POST /api/submissions/{id}/pdf-signature/prepare': { kind: 'submission', expect: same(['ref', 'ref', '404']) },
  'POST /api/submissions/{id}/pdf-signature/complete': { kind: 'submission', expect: same(['ref', 'ref', '404']) },
  // verifying a PDF received by e-mail: any signed-in user; an upload that is not a PDF is refused
  'POST /api/verify-pdf': { kind: 'none', expect: same(['ok', '-', '-']) },
  // signature images (a person's) and seal images (a unit's): an admin of the subtree (none stored: 204;
  // the 1 px test PNG is refused 400 as too small); others see the thing but may not act (403)
  'GET /api/users/{id}/signature-image': { kind: 'user', expect: imagesOf(['2', '2', '404']) },
  'PUT /api/users/{id}/signature-image': { kind: 'user', expect: imagesOf(['ok', 'ok', '404']) },
  'DELETE /api/users/{id}/signature-image': { kind: 'user', expect: imagesOf(['2', '2', '404']) },
  'GET /api/org-units/{id}/seal-image': { kind: 'unit', expect: imagesOf(['2', '2', '404']) },
  'PUT /api/org-units/{id}/seal-image': { kind: 'unit', expect: imagesOf(['ok', 'ok', '404']) },
  'DELETE /api/org-units/{id}/seal-image': { kind: 'unit', expect: imagesOf(['2', '2', '404']) },
  // what the user last saw of a report: anyone who sees the report; a hash that is not the current content → 409
  'GET /api/submissions/{id}/seen': { kind: 'submission', expect: same(['2', '2', '404']) },
  'PUT /api/submissions/{id}/seen': { kind: 'submission', expect: same(['ok', 'ok', '404']) },
};

export function matches(cls: Cls, status: number): boolean {
  switch (cls) {
    case '2':
      return status >= 200 && status < 300;
    case 'ok':
      return (status >= 200 && status < 300) || [400, 409, 422].includes(status);
    case 'no':
      return status === 403 || status === 404;
    case 'ref':
      return [401, 403, 404, 409, 422].includes(status);
    default:
      return String(status) === cls;
  }
}
