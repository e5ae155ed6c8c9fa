import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The visible appearance of PAdES signatures (Nghị định 30/2020, Phụ lục I) as data: each person's
 * signature image (blue, transparent PNG) and each unit's seal image (red, transparent PNG).
 */
export class SignatureAppearance1797600000000 implements MigrationInterface {
  name = 'SignatureAppearance1797600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN signature_image bytea`);
    await q.query(`ALTER TABLE org_unit ADD COLUMN seal_image bytea`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE org_unit DROP COLUMN seal_image`);
    await q.query(`ALTER TABLE app_user DROP COLUMN signature_image`);
  }
}
