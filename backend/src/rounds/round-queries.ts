/**
 * The rounds module's read model for statements another module composes: the `round` columns others
 * may read, as a subquery PostgreSQL flattens into the caller's statement (no extra round trip).
 */
/** The temporary table (dropped at commit) in which a round's opening stages its units: `id, kind, round_parent, rn`. */
export const ROUND_OPEN_STAGE = 'round_open_stage';

export const roundQueries = {
  /** Rounds: `id, name, period, root_unit_id, regime_id, created_at` (join it under an alias). */
  rounds: `(SELECT id, name, period, root_unit_id, regime_id, created_at FROM round)`,
} as const;
