import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { VersionedRepository, type WithOwnerPath } from '../common/versioned.repository.js';
import { TemplateVersionEntity } from './template-version.entity.js';

export type TemplateVersionRow = WithOwnerPath<TemplateVersionEntity>;

@Injectable()
export class TemplatesRepository extends VersionedRepository<TemplateVersionEntity> {
  constructor(@InjectDataSource() db: DataSource) {
    super(db, TemplateVersionEntity, 'template_version');
  }
}
