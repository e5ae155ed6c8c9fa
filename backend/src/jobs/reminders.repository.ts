import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WAITING_INSIDE_TAGS } from '@bdg/workflows';
import type { DataSource, EntityManager } from 'typeorm';
import { anyTagSql, handedInSql } from '../common/status-sql.js';
import { notificationQueries } from '../notifications/notification-queries.js';
import { orgQueries } from '../org/org-queries.js';
import { roundQueries } from '../rounds/round-queries.js';
import { submissionQueries } from '../submissions/submission-queries.js';
import { userQueries } from '../users/user-queries.js';

/** A report a reviewer may remind its unit about, with what the message names. */
export interface ReminderTarget {
  id: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  roundName: string;
  flowVersionId: string;
  state: string;
  handedIn: boolean;
  deadline: Date | null;
  deadlineVn: string | null;
}

/**
 * One reminder per user, submission, deadline and window (3 days, 1 day, late): the unit's editors
 * while its work is not handed in; and, while a report waits inside the unit (signature, approval),
 * the holders of the roles that must act now, as the flow says ($2: flow version, state, roles, wait).
 * Meaning comes from the state's tags, never its name. The unique dedupe_key of notification makes a
 * second run (or a second worker) add nothing. Every table is read through its owner's read model.
 */
const REMINDER_SQL = `
WITH steps AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(flow_version_id uuid, state text, roles text[], wait text)
), open AS (
  SELECT s.id, s.unit_id, s.flow_version_id, s.state, s.deadline, r.name AS round_name, o.name AS unit_name,
         to_char(s.deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS deadline_iso,
         to_char(s.deadline AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY') AS deadline_vn,
         GREATEST(1, ceil(extract(epoch FROM (s.deadline - $1::timestamptz)) / 86400))::int AS days_left,
         CASE WHEN s.deadline < $1::timestamptz THEN 'late'
              WHEN s.deadline <= $1::timestamptz + interval '1 day' THEN '1d'
              ELSE '3d' END AS win
    FROM ${submissionQueries.rows} s JOIN ${roundQueries.rounds} r ON r.id = s.round_id JOIN ${orgQueries.units} o ON o.id = s.unit_id
   WHERE s.deadline IS NOT NULL AND NOT ${handedInSql('s')}
     AND s.deadline <= $1::timestamptz + interval '3 days'
), recipients AS (
  SELECT o.*, u.id AS user_id, NULL::text AS wait
    FROM open o JOIN ${userQueries.active} u ON u.unit_id = o.unit_id AND 'editor' = ANY(u.roles)
  UNION ALL
  SELECT o.*, u.id AS user_id, st.wait
    FROM open o JOIN steps st ON st.flow_version_id = o.flow_version_id AND st.state = o.state
    JOIN ${userQueries.active} u ON u.unit_id = o.unit_id AND u.roles && st.roles
)
${notificationQueries.insertOnce(`
SELECT user_id,
       CASE WHEN wait IS NOT NULL THEN 'remind-' || wait ELSE 'remind-' || win END,
       CASE
         WHEN wait IS NOT NULL AND win = 'late' THEN 'Đã quá hạn ' || deadline_vn || ': báo cáo "' || round_name || '" của ' || unit_name || ' đang chờ bạn ' || CASE wait WHEN 'sign' THEN 'ký' ELSE 'duyệt' END || '.'
         WHEN wait IS NOT NULL THEN 'Báo cáo "' || round_name || '" của ' || unit_name || ' đang chờ bạn ' || CASE wait WHEN 'sign' THEN 'ký' ELSE 'duyệt' END || ' (hạn ' || deadline_vn || ', còn ' || days_left || ' ngày).'
         WHEN win = 'late' THEN 'Đã quá hạn nộp báo cáo "' || round_name || '" của ' || unit_name || ' (hạn ' || deadline_vn || ').'
         ELSE 'Sắp đến hạn nộp báo cáo "' || round_name || '" của ' || unit_name || ': hạn ' || deadline_vn || ', còn ' || days_left || ' ngày.'
       END,
       id,
       'remind:' || id || ':' || deadline_iso || ':' || CASE WHEN wait IS NOT NULL THEN wait || '-' ELSE '' END || win || ':' || user_id
  FROM recipients`)}`;

/** The (flow version, state) pairs of open reports that wait inside their unit. */
const WAITING_STEPS_SQL = `
SELECT DISTINCT s.flow_version_id AS "flowVersionId", s.state, s.state_tags AS "stateTags" FROM ${submissionQueries.rows} s
 WHERE NOT s.final AND s.deadline IS NOT NULL AND s.deadline <= $1::timestamptz + interval '3 days' AND ${anyTagSql(WAITING_INSIDE_TAGS)}`;

/** A report with its unit and round, as the manual reminder needs it. */
const TARGET = `SELECT s.id, o.id AS "unitId", o.name AS "unitName", o.path::text AS "unitPath", r.name AS "roundName",
  s.flow_version_id AS "flowVersionId", s.state, ${handedInSql('s')} AS "handedIn", s.deadline,
  to_char(s.deadline AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY') AS "deadlineVn"
  FROM ${submissionQueries.rows} s JOIN ${orgQueries.units} o ON o.id = s.unit_id JOIN ${roundQueries.rounds} r ON r.id = s.round_id`;

/**
 * The reminders' statements: they read submissions, rounds, units and users and write notifications in
 * one statement each, composed of the owners' read models and fragments (docs/architecture.md).
 */
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** Writes the hourly reminders due at `now` for these waiting steps; returns the new notifications. */
  due(now: Date, steps: { flow_version_id: string; state: string; roles: string[]; wait: string }[]): Promise<{ id: string; kind: string }[]> {
    return this.db.query(REMINDER_SQL, [now.toISOString(), JSON.stringify(steps)]);
  }

  waitingSteps(now: Date): Promise<{ flowVersionId: string; state: string; stateTags: string[] }[]> {
    return this.db.query(WAITING_STEPS_SQL, [now.toISOString()]);
  }

  async target(submissionId: string): Promise<ReminderTarget | null> {
    const [t] = await this.db.query<ReminderTarget[]>(`${TARGET} WHERE s.id = $1`, [submissionId]);
    return t ?? null;
  }

  /** The path of a round's root unit (who may remind in it). */
  async roundRootPath(roundId: string): Promise<string | null> {
    const [r] = await this.db.query<{ rootPath: string }[]>(
      `SELECT o.path::text AS "rootPath" FROM ${roundQueries.rounds} r JOIN ${orgQueries.units} o ON o.id = r.root_unit_id WHERE r.id = $1`,
      [roundId],
    );
    return r?.rootPath ?? null;
  }

  /** The late reports, not handed in, of the children of `parentId` within the subtree at `path`. */
  lateChildren(roundId: string, parentId: string, path: string): Promise<ReminderTarget[]> {
    return this.db.query<ReminderTarget[]>(
      `${TARGET} WHERE s.round_id = $1 AND o.parent_id = $2 AND o.path <@ $3::ltree AND o.path <> $3::ltree
          AND s.deadline < now() AND NOT ${handedInSql('s')} ORDER BY o.name`,
      [roundId, parentId, path],
    );
  }

  /** Serializes the manual reminders of one report until the transaction ends (two reviewers at once: one reminder). */
  async serialize(m: EntityManager, submissionId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('remind:' || $1))`, [submissionId]);
  }

  /** One manual reminder to the unit's active holders of `roles`; returns the new notifications' ids. */
  async notifyUnit(m: EntityManager, t: { id: string; unitId: string }, message: string, roles: string[]): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      notificationQueries.insert(`SELECT u.id, 'remind-manual', $2, $1 FROM ${userQueries.active} u WHERE u.unit_id = $3 AND u.roles && $4::text[]`),
      [t.id, message, t.unitId, roles],
    );
    return rows.map((r) => r.id);
  }
}
