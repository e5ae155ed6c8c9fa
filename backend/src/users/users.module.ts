import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module.js';
import { RolesModule } from '../roles/roles.module.js';
import { PasswordHasher } from './password-hasher.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [OrgModule, RolesModule],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, PasswordHasher],
  // The repository only for the seed, which writes the first accounts at start-up.
  exports: [UsersRepository, UsersService, PasswordHasher],
})
export class UsersModule {}
