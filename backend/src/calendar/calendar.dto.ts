import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class CalendarAdjustmentDto {
  @ApiProperty({ example: '2026-02-13' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày điều chỉnh phải có dạng yyyy-mm-dd.' })
  date: string;
  @ApiProperty({ enum: ['holiday', 'working'], description: 'holiday: thêm ngày nghỉ; working: ngày làm bù (hoặc không nghỉ)' })
  @IsIn(['holiday', 'working'], { message: 'Loại điều chỉnh phải là "holiday" (ngày nghỉ) hoặc "working" (ngày làm việc).' })
  kind: 'holiday' | 'working';
  @ApiProperty({ example: 'Nghỉ Tết (hoán đổi theo Thông báo của Thủ tướng)' })
  @IsString()
  @IsNotEmpty({ message: 'Cần ghi lý do điều chỉnh.' })
  @MaxLength(200)
  name: string;
}
