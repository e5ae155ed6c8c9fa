import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBase64, IsString, IsUUID, MaxLength } from 'class-validator';

export class PrepareBrowserSignatureDto {
  @ApiProperty({ description: 'Chứng thư số của USB token (DER, base64), của người ký trước', type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsBase64({}, { each: true })
  @MaxLength(20_000, { each: true })
  certificates: string[];
}

export class CompleteBrowserSignatureDto {
  @ApiProperty() @IsUUID() pendingId: string;
  @ApiProperty({ description: 'Chữ ký RSA PKCS#1 v1.5 của hashToSign (base64)' }) @IsString() @IsBase64() @MaxLength(2048) signature: string;
}
