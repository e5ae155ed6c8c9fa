import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsObject, IsOptional, Matches, Max, Min } from 'class-validator';
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
