/**
 * The JSON the API answers (docs/api-shapes.md), written once for both tiers. Shapes with timestamps
 * take the timestamp type as a parameter: the backend builds them with `Date`, the wire (and the
 * frontend) reads ISO strings — `SubmissionSummary<Date>` on the server, `SubmissionSummary` in the browser.
 */
export * from './imports.js';
export * from './paging.js';
export type * from './shapes.js';
export type * from './views.js';
export type * from './results.js';
