import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in hardening: usernames stored in their one normalised spelling (trim, NFC, lower case),
 * a per-user token version that revokes earlier tokens when bumped, and sign-in attempt counters
 * shared by every replica (fixed one-minute windows keyed by username or client address).
 */
export class SignInHardening1796200000000 implements MigrationInterface {
  name = 'SignInHardening1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE app_user SET username = lower(normalize(btrim(username), NFC))
                    WHERE username <> lower(normalize(btrim(username), NFC))`);
    await q.query(`ALTER TABLE app_user ADD COLUMN token_version int NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE TABLE login_attempt (
        key text PRIMARY KEY,
        hits int NOT NULL,
        window_start timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_attempt_window_idx ON login_attempt (window_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_attempt`);
    await q.query(`ALTER TABLE app_user DROP COLUMN token_version`);
  }
}
