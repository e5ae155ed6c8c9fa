import type { Effect, EffectType } from '@bdg/workflows';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../common/current-user.js';
import type { FoldedWrite } from '../common/folded-write.js';
import type { LoadedTemplate } from './definitions.service.js';
import type { SignatureRecord } from './submission.entity.js';
import type { SendEventDto } from './submissions.dto.js';
import type { LockedRow, TransitionPatch } from './transitions.repository.js';

/** What an effect handler sees of the transition it runs in (all inside its transaction). */
export interface EffectContext {
  m: EntityManager;
  user: AuthUser;
  /** The row as it was when the event arrived (read under its lock). */
  row: LockedRow;
  template: LoadedTemplate;
  dto: SendEventDto;
  event: { type: string; label: string; comment?: string; fieldComments?: number };
  now: Date;
  /** What the transition writes to the submission; handlers of the submission's own data add to it. */
  patch: TransitionPatch;
  /** Other modules' rows written with the transition, folded into its one write statement (notifications). */
  writes: FoldedWrite[];
  /** Sent by its background job (a large COMPILE), whose answer is counts, never the report's view. */
  inJob: boolean;
}

export type EffectHandler = (c: EffectContext, effect: Effect) => Promise<void> | void;

/**
 * One handler per effect the engine can return. A mapped type over `EffectType`: an effect added to
 * the flow vocabulary without its handler does not compile (effects.spec.ts checks the vocabulary too).
 */
export type EffectTable = { readonly [K in EffectType]: EffectHandler };

/**
 * The effects whose whole work is the patch and the folded writes: an event made only of these is written by
 * one statement conditioned on the version it read, without a transaction (compiling reads the children and
 * signing stores the official record: those take the row lock in a transaction).
 */
export const EFFECTS_IN_ONE_STATEMENT: ReadonlySet<EffectType> = new Set<EffectType>(['lockData', 'unlockData', 'requireComment', 'notify']);

/** Handlers of the effects whose data is the submission row itself. */
export const submissionEffects = (deps: {
  compile: (c: EffectContext, effect: Effect) => Promise<Pick<TransitionPatch, 'data' | 'compiled' | 'compiledSources'>>;
  contentHash: (data: unknown, attachmentHashes: string[]) => string;
}) =>
  ({
    lockData: (c) => {
      c.patch.locked = true;
    },
    unlockData: (c) => {
      c.patch.locked = false;
      // Kept so the reviewer later sees what changed since it was sent back.
      c.patch.returnedData = c.row.data;
    },
    compileChildren: async (c, effect) => {
      Object.assign(c.patch, await deps.compile(c, effect));
    },
    sign: (c) => {
      c.patch.signature = {
        hash: deps.contentHash(c.patch.data ?? c.row.data, c.row.attachmentHashes),
        signedBy: c.user.id,
        signedByName: c.user.fullName,
        role: 'head',
        unitId: c.user.unitId,
        signedAt: c.now.toISOString(),
        attachmentHashes: c.row.attachmentHashes,
      } satisfies SignatureRecord;
    },
    // The engine itself refuses an event without its comment, before any effect runs.
    requireComment: () => {},
  }) satisfies Omit<EffectTable, 'notify'>;
