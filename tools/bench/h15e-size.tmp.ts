import { CORE_RUNTIME_ENTRY, coreRuntimeNames, measureBundle, reexport } from "./src/bundle-measure";
const entry = process.argv[2] ?? CORE_RUNTIME_ENTRY;
const names = await coreRuntimeNames();
console.log(JSON.stringify(await measureBundle(reexport(names, entry), ["openapi-fetch"])));
