import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A template's JSON Schema and uiSchema are kept as the author wrote them: `jsonb` re-sorts object
 * keys (shortest first), so forms and documents showed fields in key-length order. `json` stores
 * the text as received, key order included. Rows stored before this migration keep jsonb's order
 * (the original text is gone); every version saved from now on round-trips unchanged.
 */
export class TemplateSchemaAsAuthored1796500000000 implements MigrationInterface {
  name = 'TemplateSchemaAsAuthored1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE template_version ALTER COLUMN schema TYPE json USING schema::json`);
    await q.query(`ALTER TABLE template_version ALTER COLUMN ui_schema DROP DEFAULT`);
    await q.query(`ALTER TABLE template_version ALTER COLUMN ui_schema TYPE json USING ui_schema::json`);
    await q.query(`ALTER TABLE template_version ALTER COLUMN ui_schema SET DEFAULT '{}'::json`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE template_version ALTER COLUMN schema TYPE jsonb USING schema::jsonb`);
    await q.query(`ALTER TABLE template_version ALTER COLUMN ui_schema DROP DEFAULT`);
    await q.query(`ALTER TABLE template_version ALTER COLUMN ui_schema TYPE jsonb USING ui_schema::jsonb`);
    await q.query(`ALTER TABLE template_version ALTER COLUMN ui_schema SET DEFAULT '{}'::jsonb`);
  }
}
