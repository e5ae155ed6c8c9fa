import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('round')
export class Round {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'template_version_id', type: 'uuid' }) templateVersionId: string;
  @Column({ name: 'root_unit_id', type: 'uuid' }) rootUnitId: string;
  @Column({ type: 'text' }) period: string;
  /** unit kind → flow code, and the flow version pinned for it. */
  @Column({ type: 'jsonb' }) flows: Record<string, string>;
  @Column({ type: 'jsonb' }) deadlines: Record<string, string>;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  /** The reporting regime that opened this round (one round per regime and period). */
  @Column({ name: 'regime_id', type: 'uuid', nullable: true }) regimeId: string | null;
  /** Nơi nhận declared by the regime (or the admin): the documents of the round print them. */
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" }) recipients: string[];
  @Column({ type: 'text', default: 'open' }) status: 'opening' | 'open' | 'failed';
  @Column({ name: 'open_job_id', type: 'uuid', nullable: true }) openJobId: string | null;
  @Column({ name: 'open_error', type: 'text', nullable: true }) openError: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
