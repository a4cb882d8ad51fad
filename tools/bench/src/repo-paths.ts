import { fileURLToPath } from "node:url";

/** tools/bench, whichever module asks (src/ or test/ sit one level below it). */
export const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));

/** The monorepo root (where pnpm-workspace.yaml is). */
export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));
