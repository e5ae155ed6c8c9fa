import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';

export class SaveRegimeDto {
  @ApiProperty({ description: 'Chế độ báo cáo (xem regimes/README.md và regimes/plans/*.json)' })
  @IsObject({ message: 'Chế độ báo cáo phải là một đối tượng JSON.' })
  definition: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
}

export class PreviewQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Từ ngày (mặc định: hôm nay)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày phải có dạng yyyy-mm-dd.' })
  from?: string;
  @ApiPropertyOptional({ example: 4 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(12) count?: number;
}

export class OpenDueDto {
  @ApiPropertyOptional({ example: '2026-05-01', description: 'Ngày (giờ Việt Nam) coi là hôm nay; mặc định hôm nay' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày phải có dạng yyyy-mm-dd.' })
  today?: string;
}

export class DraftPreviewDto {
  @ApiProperty({ description: 'Chế độ báo cáo đang soạn (chưa lưu)' })
  @IsObject({ message: 'Chế độ báo cáo phải là một đối tượng JSON.' })
  definition: Record<string, unknown>;
  @ApiPropertyOptional({ example: '2027-01-01', description: 'Từ ngày (mặc định: hôm nay)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày phải có dạng yyyy-mm-dd.' })
  from?: string;
  @ApiPropertyOptional({ example: 4 }) @IsOptional() @IsInt() @Min(1) @Max(12) count?: number;
}

export class CheckDeadlinesDto {
  @ApiProperty() @IsUUID('all', { message: 'Đơn vị gốc không hợp lệ.' }) rootUnitId: string;
  @ApiProperty({ example: '2027-H1' }) @IsString() @IsNotEmpty({ message: 'Chưa nhập kỳ báo cáo.' }) @MaxLength(100) period: string;
  @ApiProperty({ example: { truong_th: 'truong', phong: 'phong' } }) @IsObject() flows: Record<string, string>;
  @ApiProperty({ example: { truong_th: '2027-05-12', phong: '2027-05-20' } }) @IsObject() deadlines: Record<string, string>;
}
