import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module.js';
import { SeedService } from './seed.service.js';

@Module({ imports: [OrgModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
