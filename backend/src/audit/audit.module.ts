import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';

/** Global: infrastructure every writing module uses (one table, no imports, so it hides no cycle); and its reading, `GET /api/audit`. */
@Global()
@Module({ controllers: [AuditController], providers: [AuditService, AuditLogService, AuditRepository], exports: [AuditService] })
export class AuditModule {}
