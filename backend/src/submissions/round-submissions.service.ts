import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type KindStart, RoundSubmissionsRepository } from './round-submissions.repository.js';

/** What a round's opening asks of the submissions module, in the opening's transaction. */
@Injectable()
export class RoundSubmissionsService {
  constructor(private readonly repo: RoundSubmissionsRepository) {}

  /** Creates the submissions of the staged units numbered (from, to]; returns how many. */
  createStaged(m: EntityManager, p: { roundId: string; templateVersionId: string; perKind: KindStart[] }, from: number, to: number) {
    return this.repo.insertStaged(m, p, from, to);
  }

  /** The same units' latest earlier answers to these template codes, in the comparable periods. */
  previousAnswers(m: EntityManager, roundId: string, codes: string[], periods: string[] | null) {
    return this.repo.previousAnswers(m, roundId, codes, periods);
  }

  /** Writes carried-forward answers (one statement). */
  carryForward(m: EntityManager, rows: { id: string; data: unknown }[]) {
    return this.repo.setData(m, rows);
  }
}
