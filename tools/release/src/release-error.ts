/** Every failure the release tools report on purpose: a message that says what was wrong and where. */
export class ReleaseError extends Error {
  override readonly name = "ReleaseError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
