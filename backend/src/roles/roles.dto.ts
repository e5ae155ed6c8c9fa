import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class CreateRoleDto {
  @ApiProperty({ example: 'pho_hieu_truong', description: 'Mã vai trò: chữ thường không dấu, số, gạch dưới' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'Mã vai trò chỉ gồm chữ thường không dấu, số và dấu gạch dưới (2–40 ký tự), bắt đầu bằng chữ.' })
  code: string;
  @ApiProperty({ example: 'Phó hiệu trưởng' }) @IsString() @IsNotEmpty() @MaxLength(100) label: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
  /** Defaults to the admin's own unit; must be inside the admin's subtree. */
  @ApiPropertyOptional() @IsOptional() @IsUUID() ownerUnitId?: string;
}

export class UpdateRoleDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) label?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
}
