import type { Logger } from '@nestjs/common';
import type { Page, VersionStatus } from '@bdg/api-types';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import { canEdit, canRead, refuseForeignCode } from './access.js';
import type { AuthUser } from './current-user.js';
import { conflict, forbidden, notFound } from './errors.js';
import { type PageQuery, pageArray, paging } from './paging.js';
import { VersionedReads } from './versioned-reads.js';
import type { VersionedEntity, WithOwnerPath } from './versioned.repository.js';

/** What a versioned definition (template, flow) calls itself in audit entries and answers. */
export interface LifecycleTexts {
  /** The audit entry's entity (the table). */
  entity: string;
  /** "mẫu báo cáo", "quy trình": in "Mã … đã được dùng". */
  noun: string;
  /** A code or version the caller may not read. */
  notFound: string;
  /** A version the caller may read but not edit. */
  readOnly: string;
  /** A code another unit above owns (the caller may read it). */
  foreignCode: string;
  /** Publishing a version that is already published. */
  alreadyPublished: string;
  /** Editing a version that is published (drafts only change). */
  editPublished: string;
  /** The advisory lock the start-up seed takes (two replicas starting at once seed once). */
  seedLock: string;
}

type Row<E> = WithOwnerPath<E & { title: string; publishedAt: Date | null }>;

/** One file of the shipped definitions: published once, owned by the root. */
export interface SeedFile<E> {
  code: string;
  version: number;
  /** Why the file is skipped (its lint errors), or null; asked only of a file not stored yet. */
  problem: () => string | null;
  fields: Partial<E>;
}

/**
 * The lifecycle templates and flows share: list by code, read, a new draft version (numbered under a lock,
 * the code claimed for the caller's unit), publish (once, under the row lock), and the start-up seed. Each
 * service adds only what differs: its checks (lint), its fields and its view.
 */
export abstract class VersionedLifecycle<
  E extends VersionedEntity & { title: string; publishedAt: Date | null },
> extends VersionedReads<E> {
  protected abstract readonly audit: AuditService;
  protected abstract readonly texts: LifecycleTexts;
  protected abstract readonly log: Logger;

  /** A subtree's definitions are tens, whatever the country's size: grouped by code and paged in memory. */
  protected async summaries<V>(
    user: AuthUser,
    q: PageQuery,
    entry: (row: Row<E>) => V & { version: number; status: VersionStatus; publishedAt: Date | null },
  ): Promise<Page<{ code: string; title: string; ownerUnitId: string | null; versions: V[] }>> {
    const p = paging(q, ['code', 'title']);
    const rows = (await this.repo.all()).filter((t) => canRead(user, t.ownerPath)) as Row<E>[];
    const byCode = new Map<
      string,
      { code: string; title: string; ownerUnitId: string | null; versions: V[] }
    >();
    for (const t of rows) {
      const e = byCode.get(t.code) ?? {
        code: t.code,
        title: t.title,
        ownerUnitId: t.ownerUnitId,
        versions: [],
      };
      e.title = t.title;
      e.versions.push(entry(t));
      byCode.set(t.code, e);
    }
    return pageArray([...byCode.values()], p, {
      text: (t) => `${t.code} ${t.title}`,
      sortBy: { code: (t) => t.code, title: (t) => t.title },
    });
  }

  /** The versions of a code the caller may read (404 when none). */
  protected async readableVersions(user: AuthUser, code: string): Promise<Row<E>[]> {
    const rows = (await this.repo.byCode(code)).filter((t) => canRead(user, t.ownerPath)) as Row<E>[];
    if (!rows.length) throw notFound(this.texts.notFound);
    return rows;
  }

  /** One version the caller may read (404 otherwise). */
  protected async readable(user: AuthUser, code: string, version: number): Promise<Row<E>> {
    const t = await this.repo.one(code, version);
    if (!t || !canRead(user, t.ownerPath)) throw notFound(this.texts.notFound);
    return t as Row<E>;
  }

  /** One version the caller may read and edit (403 when it belongs to a unit above). */
  protected async writable(user: AuthUser, code: string, version: number): Promise<Row<E>> {
    const t = await this.readable(user, code, version);
    if (!canEdit(user, t.ownerPath)) throw forbidden(this.texts.readOnly);
    return t;
  }

  /** A draft the caller may edit (409 once published). */
  protected async editableDraft(user: AuthUser, code: string, version: number): Promise<Row<E>> {
    const t = await this.writable(user, code, version);
    if (t.status === 'published') throw conflict(this.texts.editPublished);
    return t;
  }

  /**
   * A new draft version of `code`: the code is claimed for the caller's unit (or must be theirs), the
   * version numbered under a lock; `fields(version, m)` builds (and checks) the body. Audited; returns the stored row.
   */
  protected createVersion(
    user: AuthUser,
    code: string,
    fields: (version: number, m: EntityManager) => Promise<Partial<E>> | Partial<E>,
  ): Promise<Row<E>> {
    return this.repo.transaction(async (m) => {
      const owner = await this.repo.claimCode(m, code, user.unitId);
      refuseForeignCode(user, owner, code, this.texts.noun, this.texts.foreignCode);
      const version = await this.repo.nextVersion(m, code);
      const body = await fields(version, m);
      const saved = await this.repo.save(m, {
        ...body,
        code,
        version,
        status: 'draft',
        ownerUnitId: owner.ownerUnitId,
      } as Partial<E>);
      await this.audit.record(m, {
        actorId: user.id,
        action: 'create',
        entity: this.texts.entity,
        entityId: saved.id,
        detail: { code, version },
      });
      return (await this.repo.byId(saved.id, m)) as Row<E>;
    });
  }

  /** Changes a draft in place (409 once published, checked under the row lock). */
  protected updateVersion(user: AuthUser, t: Row<E>, patch: Partial<E>, check: () => Promise<void> | void): Promise<Row<E>> {
    return this.writeDraft(user, t, 'update', this.texts.editPublished, check, patch);
  }

  /** Publishes `t` once (409 when it already is, checked under the row lock) after `check` passes. */
  protected publishVersion(user: AuthUser, t: Row<E>, check: () => Promise<void> | void): Promise<Row<E>> {
    return this.writeDraft(user, t, 'publish', this.texts.alreadyPublished, check, { status: 'published', publishedAt: new Date() } as Partial<E>);
  }

  /** A write to a draft: under its row lock, still a draft (else 409 `published`), `check` passing; audited as `action`. */
  private writeDraft(user: AuthUser, t: Row<E>, action: string, published: string, check: () => Promise<void> | void, patch: Partial<E>): Promise<Row<E>> {
    return this.repo.transaction(async (m) => {
      const locked = await this.repo.lockForWrite(m, t.id);
      if (locked!.status === 'published') throw conflict(published);
      await check();
      await this.repo.update(m, t.id, patch);
      await this.audit.record(m, { actorId: user.id, action, entity: this.texts.entity, entityId: t.id, detail: { code: t.code, version: t.version } });
      return (await this.repo.byId(t.id, m)) as Row<E>;
    });
  }

  /** The shipped files become published versions owned by the root, once; a file with lint errors is skipped and logged. */
  protected async seedVersions(rootUnitId: string, files: SeedFile<E>[]): Promise<void> {
    await this.repo.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [this.texts.seedLock]);
      for (const f of files) {
        if (await this.repo.one(f.code, f.version, m)) continue;
        const problem = f.problem();
        if (problem) {
          this.log.error(`Bỏ qua ${this.texts.noun} ${f.code} v${f.version}: ${problem}`);
          continue;
        }
        const owner = await this.repo.claimCode(m, f.code, rootUnitId);
        await this.repo.save(m, {
          ...f.fields,
          code: f.code,
          version: f.version,
          status: 'published',
          publishedAt: new Date(),
          ownerUnitId: owner.ownerUnitId,
        } as Partial<E>);
      }
    });
  }
}
