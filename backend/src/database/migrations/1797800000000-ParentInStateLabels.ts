import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shipped flows named the level above in a state label ("Đã gửi, chờ Phòng GD&ĐT duyệt"), wrong for
 * a school under a commune from 7/2025. Their stored copies now write the placeholder the engine fills
 * from the tree (`{parentUnitName}`, @bdg/workflows stateLabel). Only these exact labels change.
 */
export class ParentInStateLabels1797800000000 implements MigrationInterface {
  name = 'ParentInStateLabels1797800000000';

  async up(q: QueryRunner): Promise<void> {
    for (const level of ['Phòng GD&ĐT', 'Sở GD&ĐT']) {
      await q.query(
        `UPDATE flow_version SET machine = replace(machine::text, $1, $2)::jsonb WHERE strpos(machine::text, $1) > 0`,
        [`"label": "Đã gửi, chờ ${level} duyệt"`, '"label": "Đã gửi, chờ {parentUnitName} duyệt"'],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE flow_version SET machine = replace(machine::text, $1, CASE WHEN code = 'truong' THEN $2 ELSE $3 END)::jsonb
        WHERE strpos(machine::text, $1) > 0`,
      ['"label": "Đã gửi, chờ {parentUnitName} duyệt"', '"label": "Đã gửi, chờ Phòng GD&ĐT duyệt"', '"label": "Đã gửi, chờ Sở GD&ĐT duyệt"'],
    );
  }
}
