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
  /** Tên cơ quan chủ quản on the letterhead, e.g. "UBND TỈNH HƯNG YÊN"; null when the unit has none. */
  @Column({ name: 'governing_body', type: 'text', nullable: true }) governingBody: string | null;
  /** Short name for the số ký hiệu, e.g. "SGDĐT" in "Số: 12/BC-SGDĐT". */
  @Column({ name: 'short_name', type: 'text', nullable: true }) shortName: string | null;
  /** The head's title on the signer block, e.g. "TRƯỞNG PHÒNG". */
  @Column({ name: 'head_title', type: 'text', nullable: true }) headTitle: string | null;
  /** "TM. ỦY BAN NHÂN DÂN" or "TL. GIÁM ĐỐC" above the signer's title, when the unit's rules say so. */
  @Column({ name: 'sign_authority', type: 'text', nullable: true }) signAuthority: string | null;
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true }) mergedIntoId: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
