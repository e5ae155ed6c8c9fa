import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity('flow_version')
@Unique(['code', 'version'])
export class FlowVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', default: 'draft' }) status: 'draft' | 'published';
  @Column({ type: 'jsonb' }) machine: Record<string, unknown>;
  @Column({ name: 'owner_unit_id', type: 'uuid', nullable: true }) ownerUnitId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
}
