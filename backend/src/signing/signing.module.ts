import { Module } from '@nestjs/common';
import { SigningHooks } from './signing-hooks.js';
import { SigningProvidersService } from './signing-providers.service.js';
import { SigningService } from './signing.service.js';

@Module({ providers: [SigningService, SigningHooks, SigningProvidersService], exports: [SigningService, SigningHooks, SigningProvidersService] })
export class SigningModule {}
