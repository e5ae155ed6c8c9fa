import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service.js';

/** Global: infrastructure every writing module uses (one table, no imports, so it hides no cycle). */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
