import { measureBundle, coreRuntimeNames, reexport, CORE_RUNTIME_ENTRY } from "./bundle-measure";
console.log(await measureBundle(reexport(await coreRuntimeNames(), CORE_RUNTIME_ENTRY), ["openapi-fetch"]));
