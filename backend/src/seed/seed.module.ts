import { Module } from '@nestjs/common';
import { FlowsModule } from '../flows/flows.module.js';
import { OrgModule } from '../org/org.module.js';
import { RegimesModule } from '../regimes/regimes.module.js';
import { RoundsModule } from '../rounds/rounds.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { UsersModule } from '../users/users.module.js';
import { SeedService } from './seed.service.js';

@Module({ imports: [OrgModule, TemplatesModule, FlowsModule, RoundsModule, RegimesModule, UsersModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
