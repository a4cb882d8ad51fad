import { secretLeaks } from "./call-outcome";

/** Client hooks that keep every payload they are given (a Rollcall client's `hooks` option). */
export interface RecordingHooks {
  onRequest(payload: unknown): void;
  onResponse(payload: unknown): void;
  onRetry(payload: unknown): void;
  onError(payload: unknown): void;
}

export interface HookRecorder {
  /** Pass as a client's `hooks` option. */
  readonly hooks: RecordingHooks;
  /** Every payload so far, in the order the hooks were called. */
  readonly payloads: readonly unknown[];
  clear(): void;
  /** Each way a recorded payload shows one of `secrets` (see `secretLeaks`); empty when none does. */
  leaks(secrets: readonly string[]): string[];
}

/** Records what a client shows its hooks, so a test can check no payload carries a secret. */
export function recordHooks(): HookRecorder {
  const payloads: unknown[] = [];
  const record = (payload: unknown): void => void payloads.push(payload);
  return {
    hooks: { onRequest: record, onResponse: record, onRetry: record, onError: record },
    payloads,
    clear: () => void payloads.splice(0),
    // Payload by payload: one inspect of the whole list would cut long lists short.
    leaks: (secrets) =>
      payloads.flatMap((payload, index) =>
        secretLeaks(payload, secrets).map((leak) => `payload #${index}: ${leak}`),
      ),
  };
}
