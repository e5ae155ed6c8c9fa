import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HANDED_IN_TAGS } from '@bdg/workflows';
import type { DataSource, EntityManager } from 'typeorm';
import { userQueries } from '../users/user-queries.js';
import { notificationQueries } from '../notifications/notification-queries.js';
import { roundQueries } from '../rounds/round-queries.js';
import { submissionQueries } from '../submissions/submission-queries.js';
import { orgQueries } from '../org/org-queries.js';

/** A late unit that has not been escalated for its current deadline yet. */
export interface LateUnit {
  submissionId: string;
  deadline: Date;
  /** The deadline's day in Vietnam (yyyy-mm-dd). */
  deadlineDay: string;
  unitName: string;
  unitKind: string;
  parentUnitId: string;
  parentName: string;
  parentKind: string;
  roundName: string;
  /** The regime's levels and escalation delay, when a regime opened the round. */
  regimeLevels: Array<{ kinds: string[]; label: string }> | null;
  escalateAfter: number | null;
}

export interface Escalated {
  submissionId: string;
  notificationIds: string[];
}

/** SQL of escalations: who is late, and the once-per-unit-and-deadline record of telling the parent. */
@Injectable()
export class EscalationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>) {
    return this.db.transaction(fn);
  }

  /** Open reports past their deadline at `now`, not handed in, with a parent in the round, not yet escalated. */
  late(now: Date): Promise<LateUnit[]> {
    return this.db.query(
      `SELECT s.id AS "submissionId", s.deadline,
              to_char(s.deadline AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS "deadlineDay",
              o.name AS "unitName", o.kind AS "unitKind", p.id AS "parentUnitId", p.name AS "parentName", p.kind AS "parentKind",
              r.name AS "roundName", g.definition->'levels' AS "regimeLevels",
              (g.definition->>'escalateAfterWorkingDays')::int AS "escalateAfter"
         FROM ${submissionQueries.rows} s
         JOIN ${orgQueries.units} o ON o.id = s.unit_id
         JOIN ${orgQueries.units} p ON p.id = s.parent_unit_id
         JOIN ${roundQueries.rounds} r ON r.id = s.round_id
         LEFT JOIN reporting_regime g ON g.id = r.regime_id
        WHERE NOT s.final AND s.deadline IS NOT NULL AND s.deadline < $1::timestamptz
          AND NOT (s.state_tags && $2::text[])
          AND NOT EXISTS (SELECT 1 FROM submission_escalation e WHERE e.submission_id = s.id AND e.deadline = s.deadline)`,
      [now.toISOString(), HANDED_IN_TAGS],
    );
  }

  /**
   * Records the escalation and notifies the parent's reviewers, or does nothing when another worker
   * already did (the primary key (submission, deadline) waits for the other transaction, then skips).
   */
  async escalate(m: EntityManager, u: LateUnit, message: string): Promise<Escalated | null> {
    const won: unknown[] = await m.query(
      `INSERT INTO submission_escalation (submission_id, deadline, parent_unit_id) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING submission_id`,
      [u.submissionId, u.deadline, u.parentUnitId],
    );
    if (!won.length) return null;
    const notes: { id: string }[] = await m.query(
      notificationQueries.insertOnce(`
       SELECT u.id, 'escalate-late', $3::text, $1::uuid, 'escalate:' || $1::uuid || ':' || $4::text || ':' || u.id
         FROM ${userQueries.active} u WHERE u.unit_id = $2::uuid AND 'reviewer' = ANY(u.roles)`),
      [u.submissionId, u.parentUnitId, message, u.deadline.toISOString()],
    );
    await m.query(`UPDATE submission_escalation SET notified = $3 WHERE submission_id = $1 AND deadline = $2`, [u.submissionId, u.deadline, notes.length]);
    return { submissionId: u.submissionId, notificationIds: notes.map((n) => n.id) };
  }
}
