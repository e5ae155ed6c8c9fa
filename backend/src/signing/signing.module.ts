import { Module } from '@nestjs/common';
import { AppearanceController } from './appearance/appearance.controller.js';
import { AppearanceRepository } from './appearance/appearance.repository.js';
import { AppearanceService } from './appearance/appearance.service.js';
import { SigningHooks } from './signing-hooks.js';
import { SigningProvidersService } from './signing-providers.service.js';
import { SigningService } from './signing.service.js';

@Module({
  controllers: [AppearanceController],
  providers: [SigningService, SigningHooks, SigningProvidersService, AppearanceRepository, AppearanceService],
  exports: [SigningService, SigningHooks, SigningProvidersService, AppearanceService],
})
export class SigningModule {}
