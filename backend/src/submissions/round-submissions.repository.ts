import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ROUND_OPEN_STAGE, roundQueries } from '../rounds/round-queries.js';
import { templateQueries } from '../templates/template-queries.js';

/** One kind's starting point in a new round: its pinned flow, initial state and deadline. */
export interface KindStart {
  kind: string;
  flowVersionId: string;
  state: string;
  stateTags: string[];
  snapshot: unknown;
  deadline: string | null;
}

/**
 * The submissions a round's opening creates, and the answers it carries forward: the writes to
 * `submission` stay with its owner; the rounds module stages the units (ROUND_OPEN_STAGE) and asks.
 */
@Injectable()
export class RoundSubmissionsRepository {
  /** One batch of staged units (rn in (from, to]) becomes submissions, each in its kind's initial state. */
  async insertStaged(
    m: EntityManager,
    p: { roundId: string; templateVersionId: string; perKind: KindStart[] },
    from: number,
    to: number,
  ): Promise<number> {
    const k = p.perKind;
    // Each kind's starting values are converted once (k), not once per row: the rows only copy them.
    const res = await m.query(
      `WITH k AS MATERIALIZED (
         SELECT kind, flow, state, snapshot::jsonb AS snapshot, deadline::timestamptz AS deadline, ARRAY(SELECT jsonb_array_elements_text(tags::jsonb)) AS tags
           FROM unnest($3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[]) AS k(kind, flow, state, snapshot, deadline, tags)
       )
       INSERT INTO submission (round_id, unit_id, parent_unit_id, template_version_id, flow_version_id, state, snapshot, deadline, state_tags)
       SELECT $1, st.id, st.round_parent, $2, k.flow, k.state, k.snapshot, k.deadline, k.tags
         FROM ${ROUND_OPEN_STAGE} st JOIN k ON k.kind = st.kind
        WHERE st.rn > $9 AND st.rn <= $10`,
      [
        p.roundId,
        p.templateVersionId,
        k.map((x) => x.kind),
        k.map((x) => x.flowVersionId),
        k.map((x) => x.state),
        k.map((x) => JSON.stringify(x.snapshot)),
        k.map((x) => x.deadline),
        k.map((x) => JSON.stringify(x.stateTags)),
        from,
        to,
      ],
    );
    return Array.isArray(res) ? (res[1] as number) : 0;
  }

  /**
   * For each submission of the new round, the same unit's latest earlier answers to this template code or
   * the one it was cloned from, in a round of the comparable period (`periods`: its names; null when the
   * new round's period is free text, then any earlier round).
   */
  previousAnswers(m: EntityManager, roundId: string, codes: string[], periods: string[] | null = null): Promise<{ id: string; templateVersionId: string; data: Record<string, unknown> }[]> {
    return m.query(
      `SELECT DISTINCT ON (s.id) s.id, p.template_version_id AS "templateVersionId", p.data
         FROM submission s
         JOIN submission p ON p.unit_id = s.unit_id AND p.round_id <> s.round_id AND p.data <> '{}'::jsonb
         JOIN ${templateQueries.versions} t ON t.id = p.template_version_id AND t.code = ANY($2)
         JOIN ${roundQueries.rounds} r ON r.id = p.round_id AND ($3::text[] IS NULL OR r.period = ANY($3::text[]))
        WHERE s.round_id = $1
        ORDER BY s.id, r.created_at DESC`,
      [roundId, codes, periods],
    );
  }

  /** One UPDATE for all carried-forward answers. */
  async setData(m: EntityManager, rows: { id: string; data: unknown }[]) {
    if (!rows.length) return;
    await m.query(
      `UPDATE submission s SET data = v.data FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::jsonb[]) AS data) v WHERE s.id = v.id`,
      [rows.map((r) => r.id), rows.map((r) => JSON.stringify(r.data))],
    );
  }
}
