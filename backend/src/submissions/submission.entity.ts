import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { FieldComment, Signature } from '@bdg/api-types';

export type { FieldComment };

/** The head's signature as stored: what the API shows (Signature) and the attachments it covered. */
export interface SignatureRecord extends Signature {
  attachmentHashes: string[];
}

export interface CompiledInfo {
  included: number;
  total: number;
  stale: boolean;
  compiledAt: string;
  provenance: Record<string, { unitId: string; value: unknown }[]>;
  /** false for large compiles: provenance is then read from the children on demand. */
  provenanceInline?: boolean;
  /** Child submission id → content hash it was compiled from. */
  sources: Record<string, string>;
  /** The roll-up as last written: a field that differs from it now was corrected by hand. */
  rolledUp?: Record<string, unknown>;
  /** Hand-corrected fields the last COMPILE kept instead of the new figures. */
  kept?: string[];
}

@Entity('submission')
export class Submission {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ name: 'parent_unit_id', type: 'uuid', nullable: true }) parentUnitId: string | null;
  @Column({ name: 'template_version_id', type: 'uuid' }) templateVersionId: string;
  @Column({ name: 'flow_version_id', type: 'uuid' }) flowVersionId: string;
  @Column({ type: 'text' }) state: string;
  @Column({ type: 'jsonb' }) snapshot: unknown;
  @Column({ type: 'jsonb', default: () => "'{}'" }) data: Record<string, unknown>;
  @VersionColumn({ default: 1 }) version: number;
  @Column({ type: 'boolean', default: false }) locked: boolean;
  @Column({ type: 'boolean', default: false }) final: boolean;
  @Column({ type: 'timestamptz', nullable: true }) deadline: Date | null;
  @Column({ type: 'jsonb', nullable: true }) compiled: CompiledInfo | null;
  @Column({ name: 'field_comments', type: 'jsonb', default: () => "'[]'" }) fieldComments: FieldComment[];
  @Column({ type: 'jsonb', nullable: true }) signature: SignatureRecord | null;
  /** Text typed into fields it does not fit, by pointer: kept as typed, never in `data` (raw-inputs.service.ts). */
  @Column({ name: 'raw_inputs', type: 'jsonb', default: () => "'{}'" }) rawInputs: Record<string, string>;
  @Column({ name: 'returned_data', type: 'jsonb', nullable: true }) returnedData: Record<string, unknown> | null;
  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true }) returnedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
