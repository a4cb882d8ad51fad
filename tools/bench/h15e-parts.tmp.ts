import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { CORE_RUNTIME_ENTRY, coreRuntimeNames, reexport } from "./src/bundle-measure";
import { BENCH_DIR } from "./src/repo-paths";
const entry = process.argv[2] || CORE_RUNTIME_ENTRY;
const r = await build({ stdin: { contents: reexport(await coreRuntimeNames(), entry), resolveDir: BENCH_DIR, loader: "ts" }, bundle: true, minify: true, format: "esm", platform: "neutral", target: "es2022", external: ["openapi-fetch", "node:*"], write: false, metafile: true, mainFields: ["module","main"], conditions: ["import","default"] });
const out = Object.values(r.metafile.outputs)[0]!;
for (const [k, v] of Object.entries(out.inputs).sort()) console.log(String(v.bytesInOutput).padStart(6), k.replace(/.*runtime\//, ""));
console.log("gzip", gzipSync(r.outputFiles[0]!.contents, { level: 9 }).byteLength);
