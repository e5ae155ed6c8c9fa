import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) username: string;
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash: string;
  @Column({ name: 'full_name', type: 'text' }) fullName: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) roles: string[];
  @Column({ type: 'text', nullable: true }) email: string | null;
  /** Chức vụ, e.g. "Phó Trưởng phòng": a deputy signs "KT." on the head's behalf. Null: the head. */
  @Column({ type: 'text', nullable: true }) position: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** Bumped to revoke every token issued before (password change, deactivation, role or unit change, logout). */
  @Column({ name: 'token_version', type: 'int', default: 0 }) tokenVersion: number;
  /** Set by an admin's reset: the user chooses a new password at the next sign-in. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false }) mustChangePassword: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
