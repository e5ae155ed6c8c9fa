import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only; each entry holds the previous entry's hash (a chain per submission). */
@Entity('transition_log')
export class TransitionLog {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ name: 'submission_id', type: 'uuid' }) submissionId: string;
  @Column({ type: 'int' }) seq: number;
  @Column({ type: 'text' }) event: string;
  @Column({ name: 'from_state', type: 'text' }) fromState: string;
  @Column({ name: 'to_state', type: 'text' }) toState: string;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_name', type: 'text', nullable: true }) actorName: string | null;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) effects: unknown[];
  @Column({ name: 'data_hash', type: 'text', nullable: true }) dataHash: string | null;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'prev_hash', type: 'text', nullable: true }) prevHash: string | null;
  @Column({ type: 'text' }) hash: string;
}
