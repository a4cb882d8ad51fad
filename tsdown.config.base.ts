import { defineConfig, type UserConfig } from "tsdown";

/** The one build config every published package shares: ESM + CJS with declarations for both. */
export function packageConfig(overrides: UserConfig = {}): UserConfig {
  return defineConfig({
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    platform: "neutral",
    target: "es2022",
    clean: true,
    sourcemap: false,
    ...overrides,
  }) as UserConfig;
}
