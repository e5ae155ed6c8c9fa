import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '../common/paging.js';

/** `GET /api/audit`: the log of the admin's subtree, narrowed by unit, actor, action and dates (yyyy-mm-dd, inclusive). */
export class ListAuditQuery extends PageQuery {
  /** A unit of the admin's subtree: entries by the people of its own subtree. */
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ example: 'publish' }) @IsOptional() @IsString() @Matches(/^[A-Za-z][A-Za-z0-9:_.-]{0,60}$/) action?: string;
  @ApiPropertyOptional({ example: '2026-06-01' }) @IsOptional() @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) from?: string;
  @ApiPropertyOptional({ example: '2026-06-30' }) @IsOptional() @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) to?: string;
}
