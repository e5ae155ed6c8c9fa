import { Injectable } from '@nestjs/common';
import { type JsonSchema, rawInputProblems, rawInputsMessage, type RawInputs } from '@bdg/schemas';
import type { EntityManager } from 'typeorm';
import { unprocessable } from '../common/errors.js';
import { RawInputsRepository } from './raw-inputs.repository.js';

/**
 * A typo never blocks a draft: text typed into a number field travels as `rawInputs` beside the data, is stored
 * as typed and flagged until fixed; a step that locks the data is refused (422, fields by title) while any remain.
 */
@Injectable()
export class RawInputsService {
  constructor(private readonly repo: RawInputsRepository) {}

  get(id: string, m?: EntityManager): Promise<RawInputs> {
    return this.repo.get(id, m);
  }

  /** 422 naming the field when the client's raw inputs do not belong to a number field of the form. */
  check(schema: JsonSchema, rawInputs: RawInputs | undefined): RawInputs | undefined {
    if (rawInputs === undefined) return undefined;
    const problems = rawInputProblems(schema, rawInputs);
    if (problems.length) throw unprocessable(problems.map((p) => p.message).join(' '), problems);
    return rawInputs;
  }

  /**
   * What to store: what the client sent (undefined: what was stored), minus any field that now has a value —
   * the value typed since replaces the typo. Saved in the draft's own statement.
   */
  kept(sent: RawInputs | undefined, stored: RawInputs | null | undefined, filled: ReadonlySet<string>): RawInputs {
    const base = sent ?? stored ?? {};
    return Object.fromEntries(Object.entries(base).filter(([p]) => !filled.has(p)));
  }

  /** Before a step that locks the data or ends the flow: nothing may still be a typo. */
  refuseIfPending(raw: RawInputs, schema: JsonSchema): void {
    if (!Object.keys(raw).length) return;
    const { message, problems } = rawInputsMessage(schema, raw);
    throw unprocessable(message, problems);
  }
}
