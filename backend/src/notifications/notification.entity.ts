import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('notification')
export class Notification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) message: string;
  @Column({ name: 'submission_id', type: 'uuid', nullable: true }) submissionId: string | null;
  @Column({ type: 'boolean', default: false }) read: boolean;
  /** Makes a reminder idempotent: one per user, submission, kind and deadline. */
  @Column({ name: 'dedupe_key', type: 'text', nullable: true, unique: true }) dedupeKey: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
