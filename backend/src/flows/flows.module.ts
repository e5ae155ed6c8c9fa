import { Module } from '@nestjs/common';
import { RolesModule } from '../roles/roles.module.js';
import { FlowsController } from './flows.controller.js';
import { FlowsRepository } from './flows.repository.js';
import { FlowsService } from './flows.service.js';

@Module({ imports: [RolesModule], controllers: [FlowsController], providers: [FlowsRepository, FlowsService], exports: [FlowsRepository, FlowsService] })
export class FlowsModule {}
