import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Progress counters kept by the database itself, in the same transaction as every write to a submission.
 *
 * `round_tally` holds signed counts of submissions per (round, ancestor, the ancestor's child on the way
 * down to the unit, kind, state, tags, final, deadline), for every ancestor strictly above the unit's parent. Triggers only ever INSERT into it (+1 for the new key, −1 for the
 * old), so two transitions in the same commune never wait for each other on a counter row; a fold
 * (one statement: delete the round's rows and insert their sums, one snapshot for both) keeps it small.
 * "Done" and "late" are read from the tags and the deadline at query time, so the counters never go
 * stale with the clock. Reading a drill-down level sums the rows of one ancestor (a few hundred at the
 * national root) instead of joining 100,000 submissions to the org tree.
 * A unit moved in the org tree (path, parent or kind changed) rebuilds the tallies of its rounds.
 */
export class ProgressTally1797100000000 implements MigrationInterface {
  name = 'ProgressTally1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE round_tally (
        round_id uuid NOT NULL REFERENCES round(id) ON DELETE CASCADE,
        ancestor_id uuid NOT NULL,
        child_id uuid NOT NULL,
        unit_kind text NOT NULL,
        state text NOT NULL,
        state_tags text[] NOT NULL,
        final boolean NOT NULL,
        deadline timestamptz,
        n int NOT NULL
      )`);
    await q.query(`CREATE INDEX round_tally_ancestor ON round_tally (round_id, ancestor_id)`);
    const key = `round_id, ancestor_id, child_id, unit_kind, state, state_tags, final, deadline`;
    // Submissions grouped by their unit's parent first, then spread over the chain of (ancestor, child) pairs
    // above it, walked by parent_id (a few thousand parents nationally, never a string operation per row).
    const spread = (rows: string, first = '') => `
      WITH RECURSIVE ${first} g AS (
        SELECT s.round_id, u.parent_id AS gid, u.kind, s.state, s.state_tags, s.final, s.deadline, count(*)::int AS n
          FROM ${rows} s JOIN org_unit u ON u.id = s.unit_id WHERE u.parent_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7),
      chain AS (
        SELECT c.id AS gid, c.id AS c, c.parent_id AS a FROM org_unit c WHERE c.id IN (SELECT gid FROM g) AND c.parent_id IS NOT NULL
        UNION ALL
        SELECT ch.gid, p.id, p.parent_id FROM chain ch JOIN org_unit p ON p.id = ch.a WHERE p.parent_id IS NOT NULL)
      INSERT INTO round_tally (${key}, n)
      SELECT g.round_id, ch.a, ch.c, g.kind, g.state, g.state_tags, g.final, g.deadline, SIGN * sum(g.n)::int
        FROM g JOIN chain ch ON ch.gid = g.gid GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
    await q.query(`
      CREATE FUNCTION round_tally_on_insert() RETURNS trigger LANGUAGE plpgsql SET work_mem = '64MB' AS $$
      BEGIN
        ${spread('new_rows').replace('SIGN', '1')};
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER submission_tally_insert AFTER INSERT ON submission
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION round_tally_on_insert()`);
    const one = (rec: 'OLD' | 'NEW', sign: string) => `
      WITH RECURSIVE chain AS (
        SELECT c.id AS c, c.parent_id AS a FROM org_unit u JOIN org_unit c ON c.id = u.parent_id
         WHERE u.id = ${rec}.unit_id AND c.parent_id IS NOT NULL
        UNION ALL
        SELECT p.id, p.parent_id FROM chain ch JOIN org_unit p ON p.id = ch.a WHERE p.parent_id IS NOT NULL)
      INSERT INTO round_tally (${key}, n)
      SELECT ${rec}.round_id, ch.a, ch.c, u.kind, ${rec}.state, ${rec}.state_tags, ${rec}.final, ${rec}.deadline, ${sign}
        FROM chain ch CROSS JOIN org_unit u WHERE u.id = ${rec}.unit_id`;
    await q.query(`
      CREATE FUNCTION round_tally_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN ${one('OLD', '-1')}; END IF;
        IF TG_OP = 'UPDATE' THEN ${one('NEW', '1')}; END IF;
        RETURN NULL;
      END $$`);
    // Only the columns the counters read: a draft save (data, version) never fires it.
    await q.query(`CREATE TRIGGER submission_tally_update AFTER UPDATE OF state, state_tags, final, deadline ON submission
      FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.state_tags IS DISTINCT FROM NEW.state_tags
        OR OLD.final IS DISTINCT FROM NEW.final OR OLD.deadline IS DISTINCT FROM NEW.deadline)
      EXECUTE FUNCTION round_tally_on_change()`);
    await q.query(`CREATE TRIGGER submission_tally_delete AFTER DELETE ON submission
      FOR EACH ROW EXECUTE FUNCTION round_tally_on_change()`);
    // One statement, one snapshot: a transition committed after it keeps its own +1/−1 rows.
    await q.query(`
      CREATE FUNCTION round_tally_fold(r uuid) RETURNS void LANGUAGE sql AS $$
        WITH gone AS (DELETE FROM round_tally WHERE round_id = r RETURNING *)
        INSERT INTO round_tally (${key}, n)
        SELECT ${key}, sum(n)::int FROM gone GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0
      $$`);
    await q.query(`
      CREATE FUNCTION round_tally_rebuild(r uuid) RETURNS void LANGUAGE sql SET work_mem = '64MB' AS $$
        ${spread('(SELECT * FROM submission WHERE round_id = r)', 'gone AS (DELETE FROM round_tally WHERE round_id = r),').replace('SIGN', '1')}
      $$`);
    await q.query(`
      CREATE FUNCTION round_tally_on_org_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r uuid;
      BEGIN
        FOR r IN SELECT DISTINCT s.round_id FROM old_units o JOIN new_units n ON n.id = o.id JOIN submission s ON s.unit_id = n.id
                  WHERE o.path IS DISTINCT FROM n.path OR o.kind IS DISTINCT FROM n.kind
        LOOP
          PERFORM round_tally_rebuild(r);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER org_unit_tally_move AFTER UPDATE ON org_unit
      REFERENCING OLD TABLE AS old_units NEW TABLE AS new_units FOR EACH STATEMENT EXECUTE FUNCTION round_tally_on_org_change()`);
    await q.query(`SELECT round_tally_rebuild(id) FROM round`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS org_unit_tally_move ON org_unit`);
    await q.query(`DROP TRIGGER IF EXISTS submission_tally_delete ON submission`);
    await q.query(`DROP TRIGGER IF EXISTS submission_tally_update ON submission`);
    await q.query(`DROP TRIGGER IF EXISTS submission_tally_insert ON submission`);
    for (const f of ['round_tally_on_org_change()', 'round_tally_rebuild(uuid)', 'round_tally_fold(uuid)', 'round_tally_on_change()', 'round_tally_on_insert()'])
      await q.query(`DROP FUNCTION IF EXISTS ${f}`);
    await q.query(`DROP TABLE IF EXISTS round_tally`);
  }
}
