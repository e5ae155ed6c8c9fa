import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class MarkSeenDto {
  @ApiProperty({ description: 'contentHash của nội dung người dùng đang xem (SHA-256, 64 ký tự hex)' })
  @IsString({ message: 'Thiếu mã nội dung (contentHash).' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'Mã nội dung (contentHash) phải là 64 ký tự hex.' })
  contentHash: string;
}
