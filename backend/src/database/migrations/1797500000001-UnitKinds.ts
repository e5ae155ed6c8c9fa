import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Unit kinds as data: each kind's Vietnamese label (shown in the UI, the dashboards and messages) lives here instead
 * of in the frontend's code. The shipped kinds get their labels; kinds already used by units get their code until an
 * admin names them.
 */
export class UnitKinds1797500000001 implements MigrationInterface {
  name = 'UnitKinds1797500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE unit_kind (
        code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,40}$'),
        label text NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 100),
        updated_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO unit_kind (code, label) VALUES
        ('so', 'Sở GD&ĐT'), ('phong', 'Phòng GD&ĐT'), ('xa', 'Xã, phường'), ('truong_mn', 'Trường mầm non'),
        ('truong_th', 'Trường tiểu học'), ('truong_thcs', 'Trường THCS'), ('truong_thpt', 'Trường THPT')`);
    await q.query(`INSERT INTO unit_kind (code, label) SELECT DISTINCT kind, kind FROM org_unit WHERE kind ~ '^[a-z][a-z0-9_]{0,40}$' ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE unit_kind`);
  }
}
