import type { EntityManager } from 'typeorm';
import type { VersionedEntity, VersionedRepository, WithOwnerPath } from './versioned.repository.js';

/**
 * The reads other modules make of a versioned definition (templates, flows): they ask the owning
 * module's service, which answers through its own repository.
 */
export abstract class VersionedReads<E extends VersionedEntity> {
  protected abstract readonly repo: VersionedRepository<E>;

  byId(id: string, m?: EntityManager): Promise<WithOwnerPath<E> | null> {
    return this.repo.byId(id, m);
  }

  one(code: string, version: number, m?: EntityManager): Promise<WithOwnerPath<E> | null> {
    return this.repo.one(code, version, m);
  }

  latestPublished(code: string, m?: EntityManager): Promise<WithOwnerPath<E> | null> {
    return this.repo.latestPublished(code, m);
  }
}
