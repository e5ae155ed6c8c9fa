import type { Response } from 'express';

/**
 * An answer whose large part is already JSON text (a draft serialised by the validation worker): sent as
 * it is, so the API thread does not parse and serialise the document again. `fields` are the small ones.
 */
export class JsonText {
  constructor(
    readonly fields: Record<string, unknown>,
    /** the large field's name and its JSON text */
    readonly name: string,
    readonly json: string,
  ) {}

  toString(): string {
    const head = JSON.stringify(this.fields);
    return `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}${JSON.stringify(this.name)}:${this.json}}`;
  }
}

/** For a controller with `@Res({ passthrough: true })`: a JsonText goes out as its text, anything else as usual. */
export function sendJson<T>(res: Response, answer: T | JsonText): T | string {
  if (!(answer instanceof JsonText)) return answer;
  res.type('application/json');
  return answer.toString();
}
