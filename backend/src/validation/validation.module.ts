import { Global, Module } from '@nestjs/common';
import { ValidationPool } from './validation-pool.js';

/** The validation pool, one per process, for every module that checks large bodies. */
@Global()
@Module({ providers: [ValidationPool], exports: [ValidationPool] })
export class ValidationModule {}
