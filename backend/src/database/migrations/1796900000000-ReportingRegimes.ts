import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting regimes (chế độ báo cáo) as data, the rounds they open (one per regime and period,
 * whichever worker gets there first: a unique index), and the year's calendar adjustments
 * (the Government's extra days off and Saturdays worked).
 */
export class ReportingRegimes1796900000000 implements MigrationInterface {
  name = 'ReportingRegimes1796900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reporting_regime (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        owner_unit_id uuid NOT NULL REFERENCES org_unit(id),
        definition json NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE round ADD COLUMN regime_id uuid REFERENCES reporting_regime(id)`);
    await q.query(`CREATE UNIQUE INDEX round_regime_period ON round (regime_id, period) WHERE regime_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE calendar_adjustment (
        date date PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('holiday', 'working')),
        name text NOT NULL,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_adjustment`);
    await q.query(`DROP INDEX round_regime_period`);
    await q.query(`ALTER TABLE round DROP COLUMN regime_id`);
    await q.query(`DROP TABLE reporting_regime`);
  }
}
