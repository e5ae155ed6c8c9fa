import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../common/current-user.js';

/** An event about to be sent: the official record is prepared from it before the transition's transaction. */
export interface PrepareFacts {
  user: AuthUser;
  submissionId: string;
  /** The submission as the caller already read it (visible to the user), to spare a query per event. */
  row?: unknown;
  eventType: string;
  /** Whether this user may send this event now (the engine's answer): nothing is signed for a refused event. */
  mayAct(): Promise<boolean>;
}

/** What a transition did that the official record (the signed PDF) must follow. */
export interface TransitionFacts {
  m: EntityManager;
  submissionId: string;
  /** The `sign` effect ran in this transition: the competent person signs the document. */
  signed: boolean;
  /** The submission reached a final state (the flow says so): the document is issued, the agency seals it. */
  becameFinal: boolean;
  actor: { id: string; fullName: string };
  /** The submission as it stands after the transition (state, data, signature). */
  row: unknown;
  at: Date;
  /** What `prepare` made before the transaction (the signed PDF), opaque to the caller. */
  prepared?: unknown;
}

export interface SigningHandler {
  prepare(f: PrepareFacts): Promise<unknown>;
  afterTransition(f: TransitionFacts): Promise<void>;
}

/**
 * Submissions run their transition; the module that owns the official record (exports) reacts. Rendering
 * and signing (seconds of work, a remote service, a worker thread) run in `prepare`, before the
 * transaction and outside it; `afterTransition` only checks, by content hash, that the transition
 * signed what was prepared, and stores it in the same transaction. This registry breaks the import
 * cycle (exports already depends on submissions).
 */
@Injectable()
export class SigningHooks {
  private handler: SigningHandler | null = null;

  register(handler: SigningHandler): void {
    this.handler = handler;
  }

  async prepare(f: PrepareFacts): Promise<unknown> {
    return this.handler ? this.handler.prepare(f) : null;
  }

  async afterTransition(f: TransitionFacts): Promise<void> {
    if (this.handler && (f.signed || f.becameFinal)) await this.handler.afterTransition(f);
  }
}
