import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('org_unit')
export class OrgUnit {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) code: string;
  @Column({ type: 'text' }) name: string;
  /** Configured per province (so, phong, xa, truong_th…): a string, never an enum. */
  @Column({ type: 'text' }) kind: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  /** ltree of unit labels from the root; subtree queries use `path <@ ancestor.path`. */
  @Column({ type: 'ltree' as 'text' }) path: string;
  @Column({ name: 'place_name', type: 'text', nullable: true }) placeName: string | null;
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true }) mergedIntoId: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
