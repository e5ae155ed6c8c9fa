import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795000000000 implements MigrationInterface {
  name = 'InitialSchema1795000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS ltree`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE org_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL,
        parent_id uuid REFERENCES org_unit(id),
        path ltree NOT NULL,
        place_name text,
        merged_into_id uuid REFERENCES org_unit(id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX org_unit_path_gist ON org_unit USING gist (path)`);
    await q.query(`CREATE INDEX org_unit_parent ON org_unit (parent_id)`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        full_name text NOT NULL,
        unit_id uuid NOT NULL REFERENCES org_unit(id),
        roles text[] NOT NULL DEFAULT '{}',
        email text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX app_user_unit ON app_user (unit_id)`);
    await q.query(`
      CREATE TABLE template_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        version int NOT NULL,
        title text NOT NULL,
        period_kind text NOT NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
        schema jsonb NOT NULL,
        ui_schema jsonb NOT NULL DEFAULT '{}',
        document jsonb NOT NULL DEFAULT '{}',
        based_on_code text,
        based_on_version int,
        owner_unit_id uuid REFERENCES org_unit(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        UNIQUE (code, version)
      )`);
    await q.query(`
      CREATE TABLE flow_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        version int NOT NULL,
        title text NOT NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
        machine jsonb NOT NULL,
        owner_unit_id uuid REFERENCES org_unit(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        UNIQUE (code, version)
      )`);
    await q.query(`
      CREATE TABLE round (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        template_version_id uuid NOT NULL REFERENCES template_version(id),
        root_unit_id uuid NOT NULL REFERENCES org_unit(id),
        period text NOT NULL,
        flows jsonb NOT NULL,
        deadlines jsonb NOT NULL,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE submission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES round(id),
        unit_id uuid NOT NULL REFERENCES org_unit(id),
        parent_unit_id uuid REFERENCES org_unit(id),
        template_version_id uuid NOT NULL REFERENCES template_version(id),
        flow_version_id uuid NOT NULL REFERENCES flow_version(id),
        state text NOT NULL,
        snapshot jsonb NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        version int NOT NULL DEFAULT 1,
        locked boolean NOT NULL DEFAULT false,
        final boolean NOT NULL DEFAULT false,
        deadline timestamptz,
        compiled jsonb,
        field_comments jsonb NOT NULL DEFAULT '[]',
        signature jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (round_id, unit_id)
      )`);
    await q.query(`CREATE INDEX submission_unit ON submission (unit_id)`);
    await q.query(`CREATE INDEX submission_round_state ON submission (round_id, state)`);
    await q.query(`CREATE INDEX submission_round_parent ON submission (round_id, parent_unit_id)`);
    await q.query(`
      CREATE TABLE transition_log (
        id bigserial PRIMARY KEY,
        submission_id uuid NOT NULL REFERENCES submission(id),
        seq int NOT NULL,
        event text NOT NULL,
        from_state text NOT NULL,
        to_state text NOT NULL,
        actor_id uuid,
        actor_name text,
        comment text,
        effects jsonb NOT NULL DEFAULT '[]',
        data_hash text,
        at timestamptz NOT NULL,
        prev_hash text,
        hash text NOT NULL,
        UNIQUE (submission_id, seq)
      )`);
    await q.query(`
      CREATE TABLE attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES submission(id),
        file_name text NOT NULL,
        mime_type text NOT NULL,
        size int NOT NULL,
        sha256 text NOT NULL,
        content bytea NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachment_submission ON attachment (submission_id)`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        actor_id uuid,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text,
        detail jsonb NOT NULL DEFAULT '{}',
        ip text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        kind text NOT NULL,
        message text NOT NULL,
        submission_id uuid REFERENCES submission(id),
        read boolean NOT NULL DEFAULT false,
        dedupe_key text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notification_user ON notification (user_id, read)`);
    // Append-only tables: refuse UPDATE and DELETE at the database itself.
    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'bảng % chỉ được thêm, không được sửa hay xoá', TG_TABLE_NAME; END $$`);
    await q.query(`CREATE TRIGGER transition_log_append_only BEFORE UPDATE OR DELETE ON transition_log
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['notification', 'audit_log', 'attachment', 'transition_log', 'submission', 'round',
      'flow_version', 'template_version', 'app_user', 'org_unit']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS refuse_change()`);
  }
}
