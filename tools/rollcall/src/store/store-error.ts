/** The snapshot store cannot be read or written, or has no such snapshot: one line for the user. */
export class StoreError extends Error {
  override readonly name = "StoreError";
}
