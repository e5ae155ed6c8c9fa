import { Module } from '@nestjs/common';
import { FlowsController } from './flows.controller.js';
import { FlowsRepository } from './flows.repository.js';
import { FlowsService } from './flows.service.js';

@Module({ controllers: [FlowsController], providers: [FlowsRepository, FlowsService], exports: [FlowsRepository, FlowsService] })
export class FlowsModule {}
