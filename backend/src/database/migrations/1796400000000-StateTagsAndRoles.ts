import { type FlowDefinition, stateTags } from '@bdg/workflows';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A state's meaning is a tag (workflows/ README "State tags"): each submission keeps its state's tags,
 * so the SQL filters on meaning (done, awaitingSignature…) and never on a flow's state names.
 * Roles become data: province-defined roles (code + Vietnamese label), owned by a unit.
 */
export class StateTagsAndRoles1796400000000 implements MigrationInterface {
  name = 'StateTagsAndRoles1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE submission ADD COLUMN state_tags text[] NOT NULL DEFAULT '{}'`);
    // Backfill from each stored flow version, read through the pure upgrade (format-1 flows get inferred tags).
    const flows: { id: string; machine: FlowDefinition }[] = await q.query(`SELECT id, machine FROM flow_version`);
    for (const f of flows) {
      const states = Object.keys(f.machine.states ?? {});
      if (!states.length) continue;
      await q.query(
        `UPDATE submission s SET state_tags = v.tags
           FROM (SELECT unnest($2::text[]) AS state, unnest($3::text[]) AS tags_json) x
           CROSS JOIN LATERAL (SELECT ARRAY(SELECT jsonb_array_elements_text(x.tags_json::jsonb)) AS tags) v
          WHERE s.flow_version_id = $1 AND s.state = x.state`,
        [f.id, states, states.map((s) => JSON.stringify(stateTags(f.machine, s)))],
      );
    }
    await q.query(`CREATE INDEX submission_state_tags ON submission USING gin (state_tags)`);
    await q.query(`
      CREATE TABLE app_role (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
        label text NOT NULL,
        description text,
        owner_unit_id uuid NOT NULL REFERENCES org_unit(id),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (owner_unit_id, code)
      )`);
    await q.query(`CREATE INDEX app_role_code ON app_role (code)`);
    await q.query(`CREATE INDEX app_user_roles ON app_user USING gin (roles)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS app_user_roles`);
    await q.query(`DROP TABLE app_role`);
    await q.query(`DROP INDEX submission_state_tags`);
    await q.query(`ALTER TABLE submission DROP COLUMN state_tags`);
  }
}
