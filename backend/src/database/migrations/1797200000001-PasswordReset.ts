import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Quên mật khẩu": requests the unit's admin answers, one-time reset links (only the SHA-256 of the token is
 * stored, short expiry, single use), and the flag that makes a user choose a new password after an admin's reset.
 */
export class PasswordReset1797200000001 implements MigrationInterface {
  name = 'PasswordReset1797200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE password_reset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash text UNIQUE,
        expires_at timestamptz,
        used_at timestamptz,
        requested_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX password_reset_user ON password_reset (user_id, requested_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_reset`);
    await q.query(`ALTER TABLE app_user DROP COLUMN must_change_password`);
  }
}
