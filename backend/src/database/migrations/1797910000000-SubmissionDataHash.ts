import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A COMPILE records which version of each child it took (`compiled.sources`: id → SHA-256 of the data's
 * jsonb text), and the children list compares them again. Hashing 50,000 children's data at every compile
 * cost about as much as summing them; the hash is now kept beside the data, computed once when the data
 * is written. Rows whose data has not been written since (and new rows, whose data is `{}`) keep NULL:
 * readers hash those on the fly (`coalesce`), so no backfill and no per-row work when a round opens.
 */
export class SubmissionDataHash1797910000000 implements MigrationInterface {
  name = 'SubmissionDataHash1797910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE submission ADD COLUMN data_hash text`);
    await q.query(`
      CREATE FUNCTION submission_data_hash() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.data_hash := encode(sha256(convert_to(NEW.data::text, 'UTF8')), 'hex');
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER submission_data_hash BEFORE UPDATE OF data ON submission FOR EACH ROW EXECUTE FUNCTION submission_data_hash()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS submission_data_hash ON submission`);
    await q.query(`DROP FUNCTION IF EXISTS submission_data_hash()`);
    await q.query(`ALTER TABLE submission DROP COLUMN IF EXISTS data_hash`);
  }
}
