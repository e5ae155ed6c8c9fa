import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../common/paging.js';

export class CreateOrgUnitDto {
  @ApiProperty() @IsString() @Matches(/^[A-Za-z0-9._-]{1,60}$/) code: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) name: string;
  @ApiProperty({ example: 'truong_th' }) @IsString() @Matches(/^[a-z][a-z0-9_]{0,40}$/) kind: string;
  @ApiProperty() @IsUUID() parentId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) placeName?: string;
  @ApiPropertyOptional({ example: 'UBND TỈNH HƯNG YÊN', description: 'Tên cơ quan chủ quản' }) @IsOptional() @IsString() @MaxLength(200) governingBody?: string;
  @ApiPropertyOptional({ example: 'SGDĐT', description: 'Tên viết tắt dùng trong số ký hiệu' }) @IsOptional() @IsString() @Matches(/^([\p{L}\p{N}&.]{1,20})?$/u) shortName?: string;
  @ApiPropertyOptional({ example: 'TRƯỞNG PHÒNG', description: 'Chức danh người đứng đầu' }) @IsOptional() @IsString() @MaxLength(100) headTitle?: string;
  @ApiPropertyOptional({ example: 'TM. ỦY BAN NHÂN DÂN', description: 'Dòng TM./TL. trên chức danh người ký' }) @IsOptional() @IsString() @Matches(/^((TM|TL)\. .{1,100})?$/u) signAuthority?: string;
}

export class UpdateOrgUnitDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[A-Za-z0-9._-]{1,60}$/) code?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[a-z][a-z0-9_]{0,40}$/) kind?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) placeName?: string;
  @ApiPropertyOptional({ example: 'UBND TỈNH HƯNG YÊN', description: 'Tên cơ quan chủ quản' }) @IsOptional() @IsString() @MaxLength(200) governingBody?: string;
  @ApiPropertyOptional({ example: 'SGDĐT', description: 'Tên viết tắt dùng trong số ký hiệu' }) @IsOptional() @IsString() @Matches(/^([\p{L}\p{N}&.]{1,20})?$/u) shortName?: string;
  @ApiPropertyOptional({ example: 'TRƯỞNG PHÒNG', description: 'Chức danh người đứng đầu' }) @IsOptional() @IsString() @MaxLength(100) headTitle?: string;
  @ApiPropertyOptional({ example: 'TM. ỦY BAN NHÂN DÂN', description: 'Dòng TM./TL. trên chức danh người ký' }) @IsOptional() @IsString() @Matches(/^((TM|TL)\. .{1,100})?$/u) signAuthority?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() parentId?: string;
}

export class MoveOrgUnitDto {
  @ApiProperty() @IsUUID() parentId: string;
}

export class MergeOrgUnitDto {
  @ApiProperty() @IsUUID() intoId: string;
}

export class ListOrgUnitsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() parentId?: string;
}
