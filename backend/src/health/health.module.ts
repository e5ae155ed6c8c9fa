import { Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { eventLoopLag } from './metrics.js';

@Module({ controllers: [HealthController] })
export class HealthModule implements OnModuleInit, OnModuleDestroy {
  onModuleInit() {
    eventLoopLag.acquire();
  }
  onModuleDestroy() {
    eventLoopLag.release();
  }
}
