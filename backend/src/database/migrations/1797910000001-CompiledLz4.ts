import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A large COMPILE stores, in `compiled.sources`, a content hash per child: 5 MB of hex for 50,000 children,
 * which pglz (the default) spends ~100 ms trying to compress and cannot. lz4 gives up on it at once and
 * still compresses the repetitive provenance of small compiles. Only new values use it (no rewrite);
 * a server built without lz4 keeps pglz.
 */
export class CompiledLz41797910000001 implements MigrationInterface {
  name = 'CompiledLz41797910000001';

  async up(q: QueryRunner): Promise<void> {
    const [{ lz4 }] = await q.query(`SELECT 'lz4' = ANY(enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`);
    if (lz4) await q.query(`ALTER TABLE submission ALTER COLUMN compiled SET COMPRESSION lz4`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE submission ALTER COLUMN compiled SET COMPRESSION default`);
  }
}
