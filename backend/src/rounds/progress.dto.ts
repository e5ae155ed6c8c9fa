import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from './paging.js';

export const PROGRESS_SORTS = ['name', '-name', 'late', 'done', '-done', 'state'] as const;
export type ProgressSort = (typeof PROGRESS_SORTS)[number];

export class ProgressQuery {
  /** The unit whose children are listed (one level of the drill-down); the user's own unit by default. */
  @ApiPropertyOptional() @IsOptional() @IsUUID() parentId?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page?: number;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) pageSize?: number;
  /** Name or code, without accents if you like ("dai hung" finds "Đại Hưng"). */
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ enum: PROGRESS_SORTS, default: 'name' }) @IsOptional() @IsIn(PROGRESS_SORTS) sort?: ProgressSort;
  /** Only the units late themselves (the list behind "Nhắc tất cả đơn vị trễ hạn"). */
  @ApiPropertyOptional() @IsOptional() @IsIn(['true', 'false']) late?: 'true' | 'false';
}
