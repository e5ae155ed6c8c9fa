import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

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
}

/**
 * Submissions run their transition; the module that owns the official record (exports) reacts in the
 * same transaction. This registry breaks the import cycle (exports already depends on submissions).
 */
@Injectable()
export class SigningHooks {
  private handler: ((f: TransitionFacts) => Promise<void>) | null = null;

  register(handler: (f: TransitionFacts) => Promise<void>): void {
    this.handler = handler;
  }

  async afterTransition(f: TransitionFacts): Promise<void> {
    if (this.handler && (f.signed || f.becameFinal)) await this.handler(f);
  }
}
