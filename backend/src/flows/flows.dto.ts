import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export class SaveFlowVersionDto {
  @ApiProperty({ type: Object, description: 'XState v5 machine config (JSON), guards/actions by name' })
  @IsObject()
  machine: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) title?: string;
}

export class LintFlowDto {
  @ApiProperty({ type: Object }) @IsObject() machine: Record<string, unknown>;
}
