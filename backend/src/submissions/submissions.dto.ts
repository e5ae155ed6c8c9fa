import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { FLAG_TAGS, STATUS_TAGS } from '@bdg/workflows';
import { PageQuery } from '../common/paging.js';
import type { BodyText } from '../validation/body-text.js';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';

export class SaveDataDto {
  /** A large body's draft stays bytes until the validation worker reads it (common/large-body.ts). */
  @ApiProperty({ type: Object }) @IsObject() data: Record<string, unknown> | BodyText;
  @ApiProperty() @IsInt() @Min(1) version: number;
  /** Text typed into a number field, by the field's pointer: kept as typed, flagged until fixed (absent: unchanged). */
  @ApiPropertyOptional({ type: Object, example: { '/I/tongSoCBGVNV': 'bốn mươi' } }) @IsOptional() @IsObject() rawInputs?: Record<string, string>;
}

export class FieldCommentDto {
  @ApiProperty({ example: '/I/tongSoCBGVNV' }) @IsString() @Matches(/^(\/[^/]{1,100}){0,12}$/) @MaxLength(500) path: string;
  @ApiProperty() @IsString() @MaxLength(2000) text: string;
}

export class SendEventDto {
  @ApiProperty({ description: 'Tên sự kiện trong quy trình của báo cáo (chữ HOA), ví dụ SUBMIT' }) @IsString() @Matches(/^[A-Z][A-Z0-9_]{0,39}$/) type: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) comment?: string;
  @ApiPropertyOptional({ type: [FieldCommentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => FieldCommentDto)
  fieldComments?: FieldCommentDto[];
  /** The contentHash of what the user saw; a different current content → 409, nothing done. */
  @ApiPropertyOptional({ example: 'a3f…(64 hex)' }) @IsOptional() @IsString() @Matches(/^[0-9a-f]{64}$/) contentHash?: string;
  /** COMPILE: hand-corrected fields to replace with the new figures anyway ("*" = all). */
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @IsString({ each: true })
  @Matches(/^(\*|(\/[^/]{1,100}){1,12})$/, { each: true })
  overwrite?: string[];
}

export class ListSubmissionsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() roundId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[a-z][a-z0-9_]{0,40}$/) state?: string;
  /** By meaning rather than by name: e.g. `done`, `awaitingSignature` (workflows/ README "State tags"). */
  @ApiPropertyOptional({ enum: [...STATUS_TAGS, ...FLAG_TAGS] }) @IsOptional() @IsIn([...STATUS_TAGS, ...FLAG_TAGS]) tag?: string;
}

const TASKS = ['fill', 'sign', 'approve', 'review', 'compile'] as const;

/** "Việc cần làm" (`todo`, the default), "Đã gửi" (`sent`) and "Đã xong" (`done`). */
export class MyWorkQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['todo', 'sent', 'done'] }) @IsOptional() @IsIn(['todo', 'sent', 'done']) list?: 'todo' | 'sent' | 'done';
  /** `todo` only: the work of one kind (the page's tabs). */
  @ApiPropertyOptional({ enum: TASKS }) @IsOptional() @IsIn(TASKS) task?: (typeof TASKS)[number];
}
