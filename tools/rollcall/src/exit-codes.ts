/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  /** Nobody has the address, an offboarding blocker stands, or a step failed. */
  notFoundOrFailed: 1,
  usage: 2,
  /** At least one vendor could not be read: the result covers only the others. */
  partial: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
