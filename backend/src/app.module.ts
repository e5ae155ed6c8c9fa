import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { dataSourceOptions } from './database/data-source.js';
import { HealthModule } from './health/health.module.js';
import { OrgModule } from './org/org.module.js';
import { SeedModule } from './seed/seed.module.js';
import { UsersModule } from './users/users.module.js';
import { RolesModule } from './roles/roles.module.js';
import { TemplatesModule } from './templates/templates.module.js';
import { FlowsModule } from './flows/flows.module.js';
import { RoundsModule } from './rounds/rounds.module.js';
import { SubmissionsModule } from './submissions/submissions.module.js';
import { SigningModule } from './signing/signing.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { BackgroundModule } from './jobs/background.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { AttachmentsModule } from './attachments/attachments.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { RegimesModule } from './regimes/regimes.module.js';
import { ValidationModule } from './validation/validation.module.js';
import { SeenModule } from './seen/seen.module.js';
import { PasswordResetModule } from './password-reset/password-reset.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), retryAttempts: 3, retryDelay: 1000 }),
        AuditModule,
        ValidationModule,
        HealthModule,
        OrgModule,
        RolesModule,
        UsersModule,
        AuthModule,
        SigningModule,
        NotificationsModule,
        TemplatesModule,
        FlowsModule,
        RoundsModule,
        SubmissionsModule,
        AttachmentsModule,
        JobsModule,
        BackgroundModule,
        ExportsModule,
        CalendarModule,
        RegimesModule,
        SeenModule,
        PasswordResetModule,
        SeedModule,
      ],
    };
  }
}
