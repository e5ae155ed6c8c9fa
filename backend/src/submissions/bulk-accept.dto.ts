import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';

export class AcceptItemDto {
  @ApiProperty() @IsUUID() id: string;
  /** The contentHash the reviewer saw in the list: a report changed since then is refused (not accepted). */
  @ApiProperty({ example: 'a3f…(64 hex)' }) @IsString() @Matches(/^[0-9a-f]{64}$/) contentHash: string;
}

export class BulkAcceptDto {
  @ApiProperty({ type: [AcceptItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AcceptItemDto)
  items: AcceptItemDto[];
}

export class ReviewSummaryQuery {
  /** Comma-separated submission ids (at most 100): the reviewer's list page. */
  @ApiProperty({ example: 'id1,id2' })
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids: string[];
}
