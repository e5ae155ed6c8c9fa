import { Global, Module } from '@nestjs/common';
import { SigningService } from './signing.service.js';

@Global()
@Module({ providers: [SigningService], exports: [SigningService] })
export class SigningModule {}
