import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { VersionedRepository, type WithOwnerPath } from '../common/versioned.repository.js';
import { FlowVersionEntity } from './flow-version.entity.js';

export type FlowVersionRow = WithOwnerPath<FlowVersionEntity>;

@Injectable()
export class FlowsRepository extends VersionedRepository<FlowVersionEntity> {
  constructor(@InjectDataSource() db: DataSource) {
    super(db, FlowVersionEntity, 'flow_version');
  }
}
