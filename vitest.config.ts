import { defineConfig } from "vitest/config";

// One vitest run across the workspace (`pnpm vitest`); turbo runs each project on its own.
export default defineConfig({ test: { projects: ["packages/*", "tools/*"] } });
