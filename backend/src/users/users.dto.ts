import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export const ROLES = ['admin', 'editor', 'head', 'reviewer'] as const;

export class CreateUserDto {
  @ApiProperty() @IsString() @Matches(/^[a-zA-Z0-9._-]{3,60}$/) username: string;
  @ApiProperty() @IsString() @MinLength(8) @MaxLength(200) password: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) fullName: string;
  @ApiProperty() @IsUUID() unitId: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(ROLES, { each: true })
  roles: string[];
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional({ example: 'Phó Trưởng phòng', description: 'Chức vụ (người ký thay ghi KT.)' }) @IsOptional() @IsString() @MaxLength(100) position?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(8) @MaxLength(200) password?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) fullName?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(ROLES, { each: true })
  roles?: string[];
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional({ example: 'Phó Trưởng phòng', description: 'Chức vụ (người ký thay ghi KT.)' }) @IsOptional() @IsString() @MaxLength(100) position?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}
