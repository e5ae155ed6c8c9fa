import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ministry's users list sorted by name (`GET /api/users?sort=fullName`, keyset-paged): without an index
 * in that order every one of the country's ~300,000 users was read and sorted for each page (180 ms in the
 * national bench tree); walking this one stops after a page. The username ends the key, as it ends the
 * list's order (it is unique: the keyset's tiebreak). Sorting by username, unit code or unit name already
 * has its index (app_user_username_key, org_unit_code_key, org_unit_name).
 */
export class UsersListIndex1797920000000 implements MigrationInterface {
  name = 'UsersListIndex1797920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS app_user_full_name ON app_user (full_name, username)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS app_user_full_name`);
  }
}
