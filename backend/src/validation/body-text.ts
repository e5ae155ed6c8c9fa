/**
 * A large JSON body's document kept as the request's bytes (large-body.ts): the API thread never parses
 * it; the validation worker does, and answers with the checked document's text. The bytes are a private
 * field, invisible to whatever walks the request body (the depth guard, the DTO pipe).
 */
export class BodyText {
  readonly #bytes: Uint8Array;
  constructor(
    bytes: Uint8Array,
    /** the body's field that holds the document */
    readonly field: string,
  ) {
    this.#bytes = bytes;
  }
  get bytes(): Uint8Array {
    return this.#bytes;
  }
}
