/**
 * A write another module folds into the caller's one statement as a CTE: it appends its parameters to
 * `params` and returns `name AS (INSERT …)`, written once per row the CTE `from` returns (so a write that did
 * not happen — a version that moved on — writes nothing else either).
 */
export type FoldedWrite = (params: unknown[], from: string) => string;
