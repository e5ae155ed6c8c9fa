import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import type { UnitKind } from '@bdg/api-types';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { badRequest } from '../common/errors.js';
import { UnitKindsService } from './unit-kinds.service.js';

export class UnitKindLabelDto {
  @ApiProperty({ example: 'Trường THCS' })
  @IsString({ message: 'Tên loại đơn vị phải là chữ.' })
  @Length(1, 100, { message: 'Tên loại đơn vị dài từ 1 đến 100 ký tự.' })
  label: string;
}

const kindCode = (c: string) => {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(c)) throw badRequest('Mã loại đơn vị chỉ gồm chữ thường không dấu, số và _, bắt đầu bằng chữ.');
  return c;
};

@ApiTags('org')
@ApiBearerAuth()
@Controller('api/unit-kinds')
export class UnitKindsController {
  constructor(private readonly kinds: UnitKindsService) {}

  @Get() list(@CurrentUser() u: AuthUser): Promise<UnitKind[]> {
    return this.kinds.list(u);
  }
  /** The top admin names a kind for everyone; another admin names it for their unit's subtree (a Sở: its province). */
  @Put(':code') setLabel(@CurrentUser() u: AuthUser, @Param('code') code: string, @Body() dto: UnitKindLabelDto) {
    if (!dto.label.trim()) throw badRequest('Tên loại đơn vị không được để trống.');
    return this.kinds.setLabel(u, kindCode(code), dto.label);
  }
  /** Back to the national label for the admin's subtree. */
  @Delete(':code/local') clearLocal(@CurrentUser() u: AuthUser, @Param('code') code: string) {
    return this.kinds.clearLocal(u, kindCode(code));
  }
}
