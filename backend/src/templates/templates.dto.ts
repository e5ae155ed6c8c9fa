import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';

export class TemplateRefDto {
  @ApiProperty() @IsString() @Matches(/^[a-z0-9][a-z0-9-]{0,80}$/) code: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class SaveTemplateVersionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) title?: string;
  @ApiPropertyOptional({ example: 'nam' }) @IsOptional() @IsString() @MaxLength(40) periodKind?: string;
  @ApiProperty({ type: Object }) @IsObject() schema: Record<string, unknown>;
  @ApiPropertyOptional({ type: Object }) @IsOptional() @IsObject() uiSchema?: Record<string, unknown>;
  @ApiPropertyOptional({ type: Object }) @IsOptional() @IsObject() document?: Record<string, unknown>;
  @ApiPropertyOptional({ type: TemplateRefDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TemplateRefDto)
  basedOn?: TemplateRefDto;
}
