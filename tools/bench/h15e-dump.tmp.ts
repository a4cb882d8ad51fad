import { build } from "esbuild";
import { writeFileSync } from "node:fs";
import { CORE_RUNTIME_ENTRY, coreRuntimeNames, reexport } from "./src/bundle-measure";
import { BENCH_DIR } from "./src/repo-paths";
const entry = process.argv[2] ?? CORE_RUNTIME_ENTRY;
const r = await build({ stdin: { contents: reexport(await coreRuntimeNames(), entry), resolveDir: BENCH_DIR, loader: "ts" }, bundle: true, minify: true, format: "esm", platform: "neutral", target: "es2022", external: ["openapi-fetch", "node:*"], write: false, mainFields: ["module","main"], conditions: ["import","default"] });
writeFileSync(process.argv[3], r.outputFiles[0]!.text);
