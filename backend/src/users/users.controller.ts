import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { ImportResult, Page, User } from '@bdg/api-types';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { badRequest } from '../common/errors.js';
import { CreateUserDto, ListUsersQuery, UpdateUserDto } from './users.dto.js';
import { UsersService } from './users.service.js';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => badRequest('Mã (id) không hợp lệ.') });

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get() list(@CurrentUser() u: AuthUser, @Query() q: ListUsersQuery): Promise<Page<User>> {
    return this.users.list(u, q);
  }
  @Post() create(@CurrentUser() u: AuthUser, @Body() dto: CreateUserDto): Promise<User> {
    return this.users.create(u, dto);
  }
  @Patch(':id') update(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @Body() dto: UpdateUserDto): Promise<User> {
    return this.users.update(u, id, dto);
  }
  @Post('import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 5 * 1024 * 1024 } }))
  import(@CurrentUser() u: AuthUser, @UploadedFile() file: Express.Multer.File | undefined, @Query('dryRun') dryRun?: string): Promise<ImportResult> {
    if (!file) throw badRequest('Chưa chọn tệp CSV (trường "file").');
    return this.users.importCsv(u, file.buffer, dryRun === '1' || dryRun === 'true');
  }
}
