import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity('template_version')
@Unique(['code', 'version'])
export class TemplateVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'text' }) title: string;
  @Column({ name: 'period_kind', type: 'text' }) periodKind: string;
  @Column({ type: 'text', default: 'draft' }) status: 'draft' | 'published';
  /** `json`, not `jsonb`: the author's key order is the form's field order (migration 1796500000000). */
  @Column({ type: 'json' }) schema: Record<string, unknown>;
  @Column({ name: 'ui_schema', type: 'json', default: () => "'{}'" }) uiSchema: Record<string, unknown>;
  @Column({ type: 'jsonb', default: () => "'{}'" }) document: Record<string, unknown>;
  @Column({ name: 'based_on_code', type: 'text', nullable: true }) basedOnCode: string | null;
  @Column({ name: 'based_on_version', type: 'int', nullable: true }) basedOnVersion: number | null;
  @Column({ name: 'owner_unit_id', type: 'uuid', nullable: true }) ownerUnitId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
}
