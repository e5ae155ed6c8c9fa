import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { TemplateRefDto } from '../templates/templates.dto.js';

export class OpenRoundDto {
  @ApiProperty({ example: 'Báo cáo năm 2026' }) @IsString() @IsNotEmpty() @MaxLength(300) name: string;
  @ApiProperty({ type: TemplateRefDto }) @ValidateNested() @Type(() => TemplateRefDto) template: TemplateRefDto;
  @ApiProperty() @IsUUID() rootUnitId: string;
  @ApiProperty({ example: '2026' }) @IsString() @IsNotEmpty() @MaxLength(100) period: string;
  @ApiProperty({ example: { truong_th: 'truong', phong: 'phong', so: 'so' } }) @IsObject() flows: Record<string, string>;
  @ApiProperty({ example: { truong_th: '2026-05-12', phong: '2026-05-20' } }) @IsObject() deadlines: Record<string, string>;
  @ApiPropertyOptional({ description: "Điền sẵn câu trả lời kỳ trước nơi trường còn khớp (mặc định: có)" })
  @IsOptional()
  @IsBoolean()
  carryForward?: boolean;
  @ApiPropertyOptional({ example: ['UBND tỉnh Gia Lai'], description: 'Nơi nhận của văn bản trong đợt (chế độ báo cáo điền sẵn)' })
  @IsOptional()
  @IsArray({ message: 'Nơi nhận phải là danh sách.' })
  @ArrayMaxSize(30, { message: 'Nơi nhận tối đa 30 cơ quan.' })
  @IsString({ each: true, message: 'Mỗi nơi nhận là tên một cơ quan.' })
  @MaxLength(300, { each: true, message: 'Tên nơi nhận tối đa 300 ký tự.' })
  recipients?: string[];
}

export class PreviewRoundDto {
  @ApiProperty() @IsUUID() rootUnitId: string;
  @ApiProperty() @IsObject() flows: Record<string, string>;
  @ApiPropertyOptional() @IsOptional() @IsObject() deadlines?: Record<string, string>;
}
