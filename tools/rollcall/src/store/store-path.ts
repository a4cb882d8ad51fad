import { resolve } from "node:path";

/** Where the store is: `--store`, else `ROLLCALL_STORE` (when not blank), else `rollcall.db` here. */
export function storePath(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const fromEnv = env.ROLLCALL_STORE?.trim();
  return resolve(option ?? (fromEnv !== undefined && fromEnv !== "" ? fromEnv : "rollcall.db"));
}
