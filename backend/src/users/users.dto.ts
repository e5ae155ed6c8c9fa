import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  MinLength,
} from 'class-validator';

/** Built-in roles; a province's own roles (GET /api/roles) are checked by the service against the user's unit. */
export const ROLES = ['admin', 'editor', 'head', 'reviewer'] as const;
const ROLE_CODE = /^[a-z][a-z0-9_]{1,39}$/;
const ROLE_MESSAGE = 'Mỗi vai trò là một mã (chữ thường không dấu, số, gạch dưới), ví dụ editor, pho_hieu_truong.';

export class CreateUserDto {
  @ApiProperty() @IsString() @Matches(/^[a-zA-Z0-9._-]{3,60}$/) username: string;
  @ApiProperty() @IsString() @MinLength(8) @MaxLength(200) password: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) fullName: string;
  @ApiProperty() @IsUUID() unitId: string;
  @ApiProperty({ example: ['editor'], isArray: true, description: 'admin, editor, head, reviewer hoặc vai trò do tỉnh định nghĩa' })
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(ROLE_CODE, { each: true, message: ROLE_MESSAGE })
  roles: string[];
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(8) @MaxLength(200) password?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) fullName?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ example: ['editor'], isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(ROLE_CODE, { each: true, message: ROLE_MESSAGE })
  roles?: string[];
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}
