import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class ForgotPasswordDto {
  @ApiProperty({ example: 'kc.th-tan-dan.editor' }) @IsString() @IsNotEmpty() @MaxLength(100) username: string;
}

export class ResetPasswordDto {
  /** The one-time token from the e-mailed link. */
  @ApiProperty() @IsString() @Matches(/^[A-Za-z0-9_-]{20,100}$/) token: string;
  @ApiProperty() @IsString() @MaxLength(200) newPassword: string;
}
