import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';

import { PageQuery } from '../common/paging.js';
import { normalizeUsername } from './username.js';

/** Built-in roles; a province's own roles (GET /api/roles) are checked by the service against the user's unit. */
export const ROLES = ['admin', 'editor', 'head', 'reviewer'] as const;
const ROLE_CODE = /^[a-z][a-z0-9_]{1,39}$/;
const ROLE_MESSAGE = 'Mỗi vai trò là một mã (chữ thường không dấu, số, gạch dưới), ví dụ editor, pho_hieu_truong.';

export class CreateUserDto {
  /** Normalised (trim, NFC, lower case) before it is checked, like every username. */
  @ApiProperty()
  @Transform(({ value }) => (typeof value === 'string' ? normalizeUsername(value) : value))
  @IsString()
  @Matches(/^[a-z0-9._-]{3,60}$/)
  username: string;
  /** Policy (length, common passwords) checked by the service, with its own Vietnamese message. */
  @ApiProperty() @IsString() @MaxLength(200) password: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) fullName: string;
  @ApiProperty() @IsUUID() unitId: string;
  @ApiProperty({ example: ['editor'], isArray: true, description: 'admin, editor, head, reviewer hoặc vai trò do tỉnh định nghĩa' })
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(ROLE_CODE, { each: true, message: ROLE_MESSAGE })
  roles: string[];
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional({ example: 'Phó Trưởng phòng', description: 'Chức vụ (người ký thay ghi KT.)' }) @IsOptional() @IsString() @MaxLength(100) position?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) password?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) fullName?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ example: ['editor'], isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(ROLE_CODE, { each: true, message: ROLE_MESSAGE })
  roles?: string[];
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional({ example: 'Phó Trưởng phòng', description: 'Chức vụ (người ký thay ghi KT.)' }) @IsOptional() @IsString() @MaxLength(100) position?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) currentPassword: string;
  @ApiProperty() @IsString() @MaxLength(200) newPassword: string;
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
}
